import type {
  GatewayGraphQLRequestContext,
  GatewaySchemaHash,
} from '@apollo/server-gateway-interface';
import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { RouterContext } from '../RouterContext.js';
import type { CachePolicy } from './CachePolicy.js';
import { consoleLogger } from './consoleLogger.js';
import { FetcherHeadersOfMap } from './FetcherHeadersOfMap.js';
import type { GraphQLRequestFields } from './GraphQLRequestFields.js';
import type { HttpHead } from './HttpHead.js';
import type { PreparedDocument } from './prepareDocument.js';

/** What the gateway's executor is given about one operation, beyond the document. */
export interface OperationInput {
  readonly request: GraphQLRequestFields & { readonly query: string };
  readonly http: {
    readonly method: string;
    readonly search: string;
    readonly headers: Map<string, string>;
  };
  readonly prepared: PreparedDocument;
  readonly operation: OperationDefinitionNode | undefined;
  readonly context: RouterContext;
  readonly response: HttpHead;
  readonly cachePolicy: CachePolicy;
  readonly production: boolean;
}

// Nothing on the router's gateway path reads requestContext.cache (our data sources keep no
// state in it); a cache that keeps nothing is the honest minimum the interface asks for.
const NO_CACHE: GatewayGraphQLRequestContext['cache'] = {
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(true),
};

/**
 * The request context the gateway's executor expects, shaped as Apollo Server built it: the
 * request with its HTTP method, URL and headers (the gateway reads Apollo-Query-Plan-Experimental
 * from them), the validated document and its operation, the schema, the router's context for the
 * data sources, and the response head and cache policy they may write to.
 */
export function gatewayRequestContext(
  schema: GraphQLSchema,
  input: OperationInput,
): GatewayGraphQLRequestContext<RouterContext> {
  const { request, http, prepared, operation, response } = input;
  const needsQuestionMark = http.search !== '' && !http.search.startsWith('?');
  return {
    request: {
      query: request.query,
      operationName: request.operationName,
      variables: request.variables,
      extensions: request.extensions,
      http: {
        method: http.method,
        url: `https://unknown-url.invalid/${needsQuestionMark ? '?' : ''}${http.search}`,
        headers: new FetcherHeadersOfMap(http.headers),
      },
    },
    response: {
      http: {
        headers: new FetcherHeadersOfMap(response.headers),
        get status() {
          return response.status;
        },
        set status(status) {
          response.status = status;
        },
      },
    },
    logger: consoleLogger,
    schema,
    schemaHash: 'schemaHash no longer exists since Apollo Server 4' as GatewaySchemaHash,
    context: input.context,
    cache: NO_CACHE,
    queryHash: prepared.queryHash,
    document: prepared.document,
    source: request.query,
    operationName: operation?.name?.value ?? null,
    // The gateway itself reports a missing or ambiguous operation (as Apollo Server let it).
    operation: operation as OperationDefinitionNode,
    metrics: { persistedQueryHit: false, persistedQueryRegister: false },
    debug: !input.production,
    overallCachePolicy: input.cachePolicy,
    requestIsBatched: false,
  };
}
