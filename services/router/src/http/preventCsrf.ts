import { badRequest } from '../execution/codedErrors.js';
import { mimeEssence } from './mimeEssence.js';

/** Headers a browser cannot send cross-site without a CORS preflight. */
export const CSRF_PREVENTION_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

// The content types an HTML form (or a plain fetch) may send without a preflight.
const NON_PREFLIGHTED_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

/**
 * Refuses requests a browser could send from another site without a preflight (Apollo Server's
 * default CSRF prevention): no content-type, or a "simple" one, and none of
 * CSRF_PREVENTION_HEADERS. Such a request could run a GET query with the victim's cookies.
 */
export function preventCsrf(headers: ReadonlyMap<string, string>): void {
  const contentType = headers.get('content-type');
  if (contentType !== undefined) {
    const essence = mimeEssence(contentType);
    if (essence === null || !NON_PREFLIGHTED_CONTENT_TYPES.includes(essence)) return;
  }
  if (CSRF_PREVENTION_HEADERS.some((name) => (headers.get(name) ?? '').length > 0)) return;
  throw badRequest(
    `This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of ${NON_PREFLIGHTED_CONTENT_TYPES.join(', ')}) or provide a non-empty value for one of the following headers: ${CSRF_PREVENTION_HEADERS.join(', ')}\n`,
  );
}
