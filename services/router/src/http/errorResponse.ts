import type { HttpResponse } from '@stack/kit';
import { formatErrors } from '../execution/formatErrors.js';
import { MEDIA_TYPES, responseContentType } from './responseContentType.js';
import { serializeResult } from './serializeResult.js';

/**
 * The answer to a request refused before any operation ran (CSRF, batch, malformed request, an
 * Accept header the router cannot satisfy): the error formatted, with the status it carries
 * (500 when none).
 */
export function errorResponse(
  error: unknown,
  accept: string | undefined,
  production: boolean,
): HttpResponse {
  const { formatted, http } = formatErrors([error], production);
  return {
    statusCode: http.status ?? 500,
    headers: {
      ...Object.fromEntries(http.headers),
      'content-type': responseContentType(accept) ?? MEDIA_TYPES.APPLICATION_JSON,
    },
    body: serializeResult({ errors: formatted }),
  };
}
