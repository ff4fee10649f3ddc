import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Headers for anything carrying tokens or codes (RFC 6749 §5.1): never cached. */
export const NO_STORE: OutgoingHttpHeaders = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** Writes a JSON response; `headOnly` sends the headers of a HEAD answer without the body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  options: { readonly headOnly?: boolean; readonly headers?: OutgoingHttpHeaders } = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...options.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(options.headOnly === true ? undefined : text);
}

/** Writes an HTML page under a Content-Security-Policy, unframeable and uncached. */
export function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  contentSecurityPolicy: string,
): void {
  response.writeHead(status, {
    ...NO_STORE,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Not no-referrer: under it browsers send `Origin: null` with the page's own form posts, and the
    // authorize endpoint tells its login page from a cross-site post by that header.
    'referrer-policy': 'same-origin',
  });
  response.end(html);
}

/** Sends the browser on with a 302, as Cognito's redirecting endpoints do. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { ...NO_STORE, location, 'content-length': 0 });
  response.end();
}
