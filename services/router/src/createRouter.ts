import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginUsageReportingDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { HttpRequest, HttpResponse, Identity } from '@stack/kit';
import { randomUUID } from 'node:crypto';
import { trustedDocuments as webAppDocuments } from './__generated__/trustedDocuments.js';
import { formatRouterError } from './formatRouterError.js';
import { DEFAULT_LIMITS, limitRules, type QueryLimits } from './limits/index.js';
import type { RouterContext } from './RouterContext.js';
import { resolveTrustedDocument, type TrustedDocumentsOptions } from './trustedDocuments/index.js';

/** The largest GraphQL request body the router accepts, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 100_000;

/** How to build a router. */
export interface RouterOptions {
  /** The supergraph composed at build time by `stack compose`. */
  readonly supergraphSdl: string;
  /** The data source of each subgraph (HTTP, Lambda invoke, or in-process). */
  readonly dataSource: (name: string) => GraphQLDataSource<RouterContext>;
  /** Production stages hide introspection, stack traces and field suggestions. */
  readonly production: boolean;
  readonly limits?: Partial<QueryLimits>;
  readonly maxBodyBytes?: number;
  /**
   * Persisted documents: by default the web apps' manifest, with ad-hoc operations accepted too
   * (`trustedOnly: false`).
   */
  readonly trustedDocuments?: TrustedDocumentsOptions;
}

/** A running router: answers GraphQL-over-HTTP requests for a verified identity. */
export interface Router {
  handle(request: HttpRequest & { search?: string }, identity: Identity): Promise<HttpResponse>;
  stop(): Promise<void>;
}

/**
 * Builds the federated router: Apollo Gateway over a static supergraph (never composed or
 * introspected at run time) inside Apollo Server, with query limits applied as validation
 * rules so abusive operations are refused before any subgraph is called.
 */
export function createRouter(options: RouterOptions): Router {
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const trusted = options.trustedDocuments ?? { documents: webAppDocuments, trustedOnly: false };
  // Off before the gateway is built, which reads it once: otherwise every cold start runs
  // cloud resource detectors (metadata probes) and schedules usage metrics to Apollo. The
  // Lambda bundles leave that code out (stack-env lambdaBundleOptions.ts).
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => options.dataSource(name),
  });
  const server = new ApolloServer<RouterContext>({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    validationRules: limitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    // Persisted queries are resolved from the web apps' manifest before Apollo (see
    // resolveTrustedDocument); Apollo's own APQ cache would let any client register documents.
    persistedQueries: false,
    formatError: (formatted, error) => formatRouterError(formatted, error, options.production),
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // The default landing page embeds Apollo Sandbox from a CDN: useless offline and in
      // production, and it would be loaded into every cold start.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  const started = server.start();

  return {
    async handle(request, identity) {
      if (Buffer.byteLength(request.body) > maxBodyBytes) {
        return errorResponse(
          413,
          `The request body is larger than ${maxBodyBytes} bytes.`,
          'PAYLOAD_TOO_LARGE',
        );
      }
      let body: unknown = undefined;
      if (request.method === 'POST') {
        try {
          body = request.body === '' ? undefined : (JSON.parse(request.body) as unknown);
        } catch {
          return errorResponse(400, 'The request body is not valid JSON.', 'BAD_REQUEST');
        }
      }
      const resolved = resolveTrustedDocument(
        { method: request.method, body, search: request.search ?? '' },
        trusted,
      );
      if (resolved.kind === 'respond') return resolved.response;
      await started;
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers))
        if (value !== undefined) headers.set(name, value);
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method,
          headers,
          search: resolved.search,
          body: resolved.body,
        },
        context: () => Promise.resolve({ identity, requestId: request.requestId ?? randomUUID() }),
      });
      return toHttpResponse(response);
    },
    async stop() {
      // A server that failed to start has nothing to stop; its error reached every request.
      const startedOk = await started.then(
        () => true,
        () => false,
      );
      if (startedOk) await server.stop();
    },
  };
}

async function toHttpResponse(response: HTTPGraphQLResponse): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  let body = '';
  if (response.body.kind === 'complete') body = response.body.string;
  else for await (const chunk of response.body.asyncIterator) body += chunk;
  return { statusCode: response.status ?? 200, headers, body };
}

function errorResponse(statusCode: number, message: string, code: string): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}
