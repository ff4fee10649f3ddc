import type { DevUser } from '../DevUser.js';
import {
  authorizationRequestFields,
  type AuthorizationRequest,
} from '../hostedUi/parseAuthorizationRequest.js';
import { escapeHtml, renderPage } from './renderPage.js';

/** The login page's title, as tests and screen readers find it. */
export const LOGIN_PAGE_TITLE = 'Sign in — local dev issuer';

/** A demo user as their button reads, e.g. "Ada Admin (ada) — admin". */
export function userLabel(user: DevUser): string {
  const groups = user.groups.length > 0 ? user.groups.join(', ') : 'no groups';
  return `${user.name} (${user.username}) — ${groups}`;
}

/**
 * The page a browser lands on at /oauth2/authorize: one submit button per demo user in a form that
 * posts the validated request back, so choosing a user is one click or one Enter.
 */
export function loginPage(request: AuthorizationRequest, users: readonly DevUser[]): string {
  const hidden = authorizationRequestFields(request)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');
  const choices =
    users.length === 0
      ? '<p>No demo users are configured. Pass <code>users</code> to <code>DevIssuer.start</code> to offer some.</p>'
      : `<ul>\n${users
          .map(
            (user) =>
              `<li><button type="submit" name="username" value="${escapeHtml(user.username)}">${escapeHtml(userLabel(user))}</button></li>`,
          )
          .join('\n')}\n</ul>`;
  return renderPage(
    LOGIN_PAGE_TITLE,
    `<h1>Sign in</h1>
<p>This page stands in for the Amazon Cognito hosted UI while you work on your machine. Choose a demo
user to sign in to <code>${escapeHtml(request.clientId)}</code>; there is no password. You will
be sent back to <code>${escapeHtml(request.redirectUri)}</code>.</p>
<form method="post" action="/oauth2/authorize">
${hidden}
<fieldset>
<legend>Choose a demo user</legend>
${choices}
</fieldset>
</form>`,
  );
}

/**
 * No scripts, no external resources; the form may post only here and be redirected only to the app
 * (browsers apply form-action to the redirect that follows a form submission).
 */
export function loginPageCsp(redirectUri: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(redirectUri).origin}; frame-ancestors 'none'; base-uri 'none'`;
}
