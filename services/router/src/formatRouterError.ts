import type { GraphQLFormattedError } from 'graphql';

/**
 * Shapes errors for clients. In production an unexpected error (no code a client can act on)
 * keeps only its code, path and the failing subgraph's name: internal messages and stack
 * traces stay in the logs.
 */
export function formatRouterError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
): GraphQLFormattedError {
  const limitCode = queryLimitCode(error);
  if (limitCode)
    formatted = { ...formatted, extensions: { ...formatted.extensions, code: limitCode } };
  const code = formatted.extensions?.code;
  if (!production || (typeof code === 'string' && EXPECTED_CODES.has(code))) return formatted;
  const serviceName = formatted.extensions?.serviceName;
  return {
    message:
      typeof serviceName === 'string'
        ? `Subgraph "${serviceName}" failed.`
        : 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      ...(typeof serviceName === 'string' ? { serviceName } : {}),
    },
  };
}

/** Codes whose messages are written for clients and are safe to show in production. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
  'PAYLOAD_TOO_LARGE',
  // An outage (the table unreachable, throttled): the subgraph's message says to retry.
  'SERVICE_UNAVAILABLE',
]);

/**
 * The pipeline reports every validation error as GRAPHQL_VALIDATION_FAILED; the query-limit
 * rules' own codes (kept on the original error) tell a client which limit it hit.
 */
function queryLimitCode(error: unknown): string | undefined {
  const original = (
    error as { originalError?: { extensions?: Record<string, unknown> } } | undefined
  )?.originalError;
  const code = original?.extensions?.code;
  return typeof code === 'string' && LIMIT_CODES.has(code) ? code : undefined;
}

const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'QUERY_TOO_COSTLY']);
