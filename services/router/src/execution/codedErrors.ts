import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { newHttpHead, type HttpHead } from './HttpHead.js';

/**
 * The errors the router's pipeline answers with, coded as Apollo Server codes them so clients
 * (and formatRouterError) keep telling them apart. The `code` is set last, so it wins over any
 * code the wrapped error carried; the original stays reachable as `originalError`.
 */
function coded(message: string, code: string, options: GraphQLErrorOptions = {}): GraphQLError {
  return new GraphQLError(message, { ...options, extensions: { ...options.extensions, code } });
}

/** A request the router cannot run as sent (HTTP 400 unless `http` says otherwise). */
export function badRequest(message: string, http: HttpHead = newHttpHead(400)): GraphQLError {
  return coded(message, 'BAD_REQUEST', { extensions: { http } });
}

/** A document that does not parse. */
export function syntaxError(error: GraphQLError): GraphQLError {
  return coded(error.message, 'GRAPHQL_PARSE_FAILED', {
    source: error.source,
    positions: error.positions,
    extensions: { http: newHttpHead(400), ...error.extensions },
    originalError: error,
  });
}

/** A document the schema or a query limit refuses. */
export function validationError(error: GraphQLError): GraphQLError {
  return coded(error.message, 'GRAPHQL_VALIDATION_FAILED', {
    nodes: error.nodes,
    extensions: { http: newHttpHead(400), ...error.extensions },
    originalError: error.originalError ?? error,
  });
}

/** Variables that do not fit the operation's variable definitions. */
export function userInputError(error: GraphQLError): GraphQLError {
  return coded(error.message, 'BAD_USER_INPUT', {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: error.extensions,
  });
}

/** An operationName the document has no operation for, reported by execution. */
export function operationResolutionError(error: GraphQLError): GraphQLError {
  return coded(error.message, 'OPERATION_RESOLUTION_FAILURE', {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { http: newHttpHead(400), ...error.extensions },
  });
}

/** Any thrown value as a GraphQLError (keeping the thrown one as `originalError`). */
export function ensureGraphQLError(value: unknown): GraphQLError {
  if (value instanceof GraphQLError) return value;
  if (value instanceof Error) return new GraphQLError(value.message, { originalError: value });
  return new GraphQLError(`Unexpected error value: ${String(value)}`);
}
