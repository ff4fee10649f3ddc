import { escapeHtml, renderPage } from './renderPage.js';

/** A page with nothing to load, run, frame or submit. */
export const ERROR_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The page shown instead of redirecting when a sign-in request is wrong: it names the parameter,
 * so the developer can fix the app, and sends the browser nowhere (RFC 6749 §4.1.2.1).
 */
export function errorPage(parameter: string | undefined, message: string): string {
  const about =
    parameter === undefined
      ? 'The sign-in request has a problem:'
      : `The sign-in request has a problem with <code>${escapeHtml(parameter)}</code>:`;
  return renderPage(
    'Sign-in error — local dev issuer',
    `<h1>Cannot sign in</h1>
<div class="error" role="alert">
<p>${about}</p>
<p>${escapeHtml(message)}</p>
</div>
<p>This local stand-in for the Amazon Cognito hosted UI checks requests as Cognito does. Fix what the
app sends and sign in again.</p>`,
  );
}
