import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { HttpRequest, HttpResponse, Identity } from '@stack/kit';
import { randomUUID } from 'node:crypto';
import { trustedDocuments as webAppDocuments } from './__generated__/trustedDocuments.js';
import { DocumentCache } from './execution/DocumentCache.js';
import { noIntrospectionRule } from './execution/noIntrospectionRule.js';
import type { PreparedDocument } from './execution/prepareDocument.js';
import type { OperationRunner } from './execution/runOperation.js';
import { answerGraphQLRequest } from './http/answerGraphQLRequest.js';
import { headerLookup } from './http/headerLookup.js';
import { DEFAULT_LIMITS, limitRules, type QueryLimits } from './limits/index.js';
import type { RouterContext } from './RouterContext.js';
import { resolveTrustedDocument, type TrustedDocumentsOptions } from './trustedDocuments/index.js';

/** The largest GraphQL request body the router accepts, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 100_000;

/**
 * How much query text the parsed-document cache holds, in characters. Typical operations are a
 * few hundred characters, so thousands fit; a flood of distinct large documents cannot hold more
 * than a few tens of MB of syntax trees.
 */
export const DOCUMENT_CACHE_CHARS = 1_000_000;
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
 * Builds the federated router: Apollo Gateway's query planner and executor over a static
 * supergraph (never composed or introspected at run time), behind the router's own
 * GraphQL-over-HTTP pipeline (src/http, src/execution). Query limits run as validation rules, so
 * abusive operations are refused before any subgraph is called; documents that pass are cached
 * by their text, so a repeated operation is neither parsed nor validated again.
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
  const ready: Promise<OperationRunner> = gateway.load().then(({ schema, executor }) => ({
    schema,
    executor,
    production: options.production,
    documents: new DocumentCache<PreparedDocument>(DOCUMENT_CACHE_CHARS),
    rules: {
      schema,
      validationRules: [
        ...(options.production ? [noIntrospectionRule] : []),
        ...limitRules(limits),
      ],
      maxTokens: limits.maxTokens,
      hideSuggestions: options.production,
    },
  }));
  // A supergraph that fails to load fails every request (and is logged by the caller); this
  // only keeps a router that never gets a request from crashing the process on the rejection.
  ready.catch(() => undefined);

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
      const runner = await ready;
      const context: RouterContext = { identity, requestId: request.requestId ?? randomUUID() };
      return answerGraphQLRequest(
        runner,
        {
          method: request.method,
          headers: headerLookup(request.headers),
          search: resolved.search,
          body: resolved.body,
        },
        context,
      );
    },
    async stop() {
      // A gateway that failed to load has nothing to stop; its error reached every request.
      const loadedOk = await ready.then(
        () => true,
        () => false,
      );
      if (loadedOk) await gateway.stop();
    },
  };
}

function errorResponse(statusCode: number, message: string, code: string): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}
