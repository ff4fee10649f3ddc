import type { GraphQLFormattedError } from 'graphql';
import { formatRouterError } from '../formatRouterError.js';
import { ensureGraphQLError } from './codedErrors.js';
import { isHttpHead, mergeHttpHead, newHttpHead, type HttpHead } from './HttpHead.js';

/** Errors as clients see them, and the status and headers they ask the response to carry. */
export interface FormattedErrors {
  readonly formatted: GraphQLFormattedError[];
  readonly http: HttpHead;
}

/**
 * Shapes errors for the response: a code on every error (INTERNAL_SERVER_ERROR when none),
 * `extensions.http` lifted into the response head, stack traces outside production only, then
 * formatRouterError. A formatter that throws yields a generic error rather than no answer.
 */
export function formatErrors(errors: ReadonlyArray<unknown>, production: boolean): FormattedErrors {
  const http = newHttpHead();
  const enrich = (value: unknown): GraphQLFormattedError => {
    const error = ensureGraphQLError(value);
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR',
    };
    if (isHttpHead(extensions.http)) {
      mergeHttpHead(http, extensions.http);
      delete extensions.http;
    }
    if (!production) extensions.stacktrace = error.stack?.split('\n');
    return { ...error.toJSON(), extensions };
  };
  const formatted = errors.map((error) => {
    try {
      return formatRouterError(enrich(error), error, production);
    } catch (formattingError) {
      return production
        ? { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }
        : enrich(formattingError);
    }
  });
  return { formatted, http };
}
