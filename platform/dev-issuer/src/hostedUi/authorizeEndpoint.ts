import type { IncomingMessage, ServerResponse } from 'node:http';
import { firstRepeated, present } from '../http/formParams.js';
import { readForm } from '../http/readForm.js';
import { redirect, sendHtml } from '../http/responses.js';
import { ERROR_PAGE_CSP, errorPage } from '../pages/errorPage.js';
import { loginPage, loginPageCsp } from '../pages/loginPage.js';
import type { HostedUiContext } from './HostedUiContext.js';
import { parseAuthorizationRequest } from './parseAuthorizationRequest.js';

/** GET /oauth2/authorize (and Cognito's /login): checks the request, then offers the demo users. */
export function showLoginPage(
  context: HostedUiContext,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const params = new URL(request.url ?? '/', context.issuer).searchParams;
  const parsed = parseAuthorizationRequest(params, context);
  if (!parsed.ok) {
    sendHtml(response, 400, errorPage(parsed.parameter, parsed.message), ERROR_PAGE_CSP);
    return;
  }
  sendHtml(
    response,
    200,
    loginPage(parsed.request, context.users),
    loginPageCsp(parsed.request.redirectUri),
  );
}

/**
 * POST /oauth2/authorize: the login page's form. Checks the request again (hidden fields are
 * whatever the browser sends), then redirects to the app with a one-time code and the state.
 */
export async function completeSignIn(
  context: HostedUiContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!isOwnFormPost(request)) {
    const message = `the form was posted from another site (Origin ${String(request.headers.origin)}, Sec-Fetch-Site ${String(request.headers['sec-fetch-site'])}); only this issuer's own login page may sign you in`;
    sendHtml(response, 403, errorPage(undefined, message), ERROR_PAGE_CSP);
    return;
  }
  const form = await readForm(request);
  if (!form.ok) {
    sendHtml(response, form.status, errorPage(undefined, form.message), ERROR_PAGE_CSP);
    return;
  }
  const parsed = parseAuthorizationRequest(form.params, context);
  if (!parsed.ok) {
    sendHtml(response, 400, errorPage(parsed.parameter, parsed.message), ERROR_PAGE_CSP);
    return;
  }
  const username =
    firstRepeated(form.params, ['username']) === undefined
      ? present(form.params, 'username')
      : undefined;
  const user = context.users.find((candidate) => candidate.username === username);
  if (user === undefined) {
    const known = context.users.map((candidate) => candidate.username).join(', ') || 'none';
    const message =
      username === undefined
        ? `choose one demo user; known usernames: ${known}`
        : `"${username}" is not a demo user; known usernames: ${known}`;
    sendHtml(response, 400, errorPage('username', message), ERROR_PAGE_CSP);
    return;
  }

  const { clientId, redirectUri, scope, nonce, state, codeChallenge } = parsed.request;
  const code = context.codes.issue({
    signIn: {
      user,
      clientId,
      scope,
      authTime: Math.floor(context.now() / 1000),
      ...(nonce === undefined ? {} : { nonce }),
    },
    redirectUri,
    codeChallenge,
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (state !== undefined) target.searchParams.set('state', state);
  redirect(response, target.href);
}

/**
 * Whether a POST comes from the login page itself rather than from another site trying to sign the
 * developer in as someone else (login CSRF). Sec-Fetch-Site says so directly where browsers send it;
 * otherwise a browser's Origin must be this issuer's. Clients without either (tests, curl) pass.
 */
function isOwnFormPost(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${String(request.headers.host)}`;
}
