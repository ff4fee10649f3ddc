import { GraphQLError } from 'graphql';

/** The error codes a client can rely on, in `errors[].extensions.code`. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'SERVICE_UNAVAILABLE';

/** Invalid input: says which field was wrong and why. Nothing was written. */
export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
  });
}

/** The operation needs a signed-in caller. */
export function unauthenticated(message = 'You must be signed in to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** The caller is signed in but not allowed to do this. */
export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** The named entity does not exist. */
export function notFound(entity: string, id: string): GraphQLError {
  return new GraphQLError(`${entity} ${JSON.stringify(id)} does not exist.`, {
    extensions: { code: 'NOT_FOUND', entity, id },
  });
}

/**
 * A service the operation needs (the table, a queue) could not be reached or throttled it, after
 * the SDK's retries: nothing the caller did wrong, and safe to try again shortly.
 */
export function serviceUnavailable(
  message = 'The service is temporarily unavailable. Try again in a moment.',
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
  });
}
