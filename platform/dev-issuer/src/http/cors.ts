import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { isLoopbackOrigin } from './isLoopbackUrl.js';

/**
 * CORS headers that let a browser app served from this machine read the response. Cognito answers
 * `*`; echoing only loopback origins keeps pages on other sites from reading a developer's tokens.
 */
export function localCorsHeaders(request: IncomingMessage): OutgoingHttpHeaders {
  const origin = request.headers.origin;
  return origin !== undefined && isLoopbackOrigin(origin)
    ? { 'access-control-allow-origin': origin, vary: 'Origin' }
    : { vary: 'Origin' };
}

/** Headers answering a CORS preflight from a local origin for the given methods. */
export function preflightHeaders(
  request: IncomingMessage,
  methods: readonly string[],
): OutgoingHttpHeaders {
  const cors = localCorsHeaders(request);
  if (cors['access-control-allow-origin'] === undefined) return cors;
  return {
    ...cors,
    'access-control-allow-methods': methods.join(', '),
    // Echoed rather than listed, so an OIDC library's extra headers never break local sign-in.
    'access-control-allow-headers':
      request.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
  };
}
