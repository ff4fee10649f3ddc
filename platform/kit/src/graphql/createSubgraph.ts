import type { Logger } from '@aws-lambda-powertools/logger';
import { randomUUID } from 'node:crypto';
import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { serviceUnavailable } from '../errors/graphqlErrors.js';
import { isTransientAwsError } from '../errors/isTransientAwsError.js';
import type { Identity } from '../identity/Identity.js';
import { serviceLogger } from '../observability/logger.js';
import { buildFederatedSchema } from './buildFederatedSchema.js';
import type { Resolvers } from './Resolvers.js';
import type { SubgraphRequest, SubgraphResponse } from './SubgraphRequest.js';

/** What every resolver of every service gets in its context. */
export interface BaseContext {
  readonly identity: Identity;
  readonly requestId: string;
  readonly logger: Logger;
}

export type { Resolvers } from './Resolvers.js';

/** What a service passes to `createSubgraph`. */
export interface SubgraphOptions<TContext extends BaseContext> {
  /** The service name; also the prefix of its table keys. */
  readonly name: string;
  /** The Federation 2 SDL (the service's schema.graphql). */
  readonly typeDefs: string;
  readonly resolvers: Resolvers<TContext>;
  /** Builds the per-request context (DataLoaders, repositories) from the base context. */
  readonly createContext: (base: BaseContext) => TContext;
}

/** The outcome of one request; `status` is the HTTP status an HTTP transport should use. */
export interface ExecutionOutcome {
  readonly status: 200 | 400;
  readonly body: SubgraphResponse;
}

/** A ready-to-serve subgraph: its schema and an executor that transports wrap. */
export interface Subgraph<TContext extends BaseContext = BaseContext> {
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** Builds the context of one request (used by transports and the colocated router). */
  createContext(identity: Identity, requestId?: string): TContext;
  /** Parses, validates and executes a request for an already verified identity. */
  execute(
    request: SubgraphRequest,
    identity: Identity,
    requestId?: string,
  ): Promise<ExecutionOutcome>;
}

const DOCUMENT_CACHE_LIMIT = 500;

/**
 * Builds a subgraph from its SDL and resolvers. The schema is built once at cold start; parsed
 * and validated documents are cached by query text, because the router sends the same few
 * query shapes over and over.
 */
export function createSubgraph<TContext extends BaseContext>(
  options: SubgraphOptions<TContext>,
): Subgraph<TContext> {
  const schema = buildFederatedSchema({
    typeDefs: options.typeDefs,
    resolvers: options.resolvers,
    source: `subgraph "${options.name}"`,
  });
  const logger = serviceLogger(options.name);
  const documents = new Map<string, DocumentNode>();

  const createContext = (identity: Identity, requestId: string = randomUUID()): TContext =>
    options.createContext({ identity, requestId, logger });

  const prepare = (query: string): DocumentNode | readonly GraphQLError[] => {
    const cached = documents.get(query);
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
    }
    const errors = validate(schema, document);
    if (errors.length > 0) return errors;
    if (documents.size >= DOCUMENT_CACHE_LIMIT) documents.clear();
    documents.set(query, document);
    return document;
  };

  return {
    name: options.name,
    schema,
    createContext,
    async execute(request, identity, requestId) {
      if (typeof request.query !== 'string' || request.query.trim() === '') {
        return {
          status: 400,
          body: { errors: [{ message: 'The request has no "query" string.' }] },
        };
      }
      const document = prepare(request.query);
      if (!('kind' in document)) {
        return { status: 400, body: { errors: document.map((error) => error.toJSON()) } };
      }
      const contextValue = createContext(identity, requestId);
      const result = await execute({
        schema,
        document,
        contextValue,
        variableValues: request.variables ?? undefined,
        operationName: request.operationName ?? undefined,
      });
      for (const error of result.errors ?? []) {
        if (!error.extensions.code && error.originalError) {
          logger.error('resolver failed', {
            requestId: contextValue.requestId,
            error: error.originalError ?? error,
          });
        }
      }
      return {
        status: 200,
        body: {
          data: result.data ?? null,
          ...(result.errors ? { errors: result.errors.map((error) => maskUnexpected(error)) } : {}),
        },
      };
    },
  };
}

/**
 * Errors thrown by resolvers without a code are bugs or outages: they are logged in full and
 * the client sees a generic message. An outage of AWS (the table unreachable, throttled, or
 * failing) becomes SERVICE_UNAVAILABLE, which tells the client that trying again may work; a
 * bug stays INTERNAL_SERVER_ERROR. GraphQL's own request errors (no original error, e.g. a bad
 * variable) keep their message.
 */
function maskUnexpected(error: GraphQLError) {
  if (error.extensions.code || !error.originalError) return error.toJSON();
  const replacement = isTransientAwsError(error.originalError)
    ? serviceUnavailable()
    : new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  return new GraphQLError(replacement.message, {
    path: error.path,
    extensions: replacement.extensions,
  }).toJSON();
}
