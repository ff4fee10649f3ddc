import type { IncomingMessage, ServerResponse } from 'node:http';
import { present } from '../http/formParams.js';
import { redirect, sendHtml } from '../http/responses.js';
import { ERROR_PAGE_CSP, errorPage } from '../pages/errorPage.js';
import type { HostedUiContext } from './HostedUiContext.js';

/**
 * GET /logout: the issuer keeps no browser session, so there is nothing to end; it only checks the
 * request as Cognito does and redirects, to `logout_uri`, or with `redirect_uri` back to sign-in.
 */
export function signOut(
  context: HostedUiContext,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = new URL(request.url ?? '/', context.issuer);
  const params = url.searchParams;
  const refuse = (parameter: string, message: string): void =>
    sendHtml(response, 400, errorPage(parameter, message), ERROR_PAGE_CSP);

  const clientId = present(params, 'client_id');
  if (clientId === undefined) return refuse('client_id', 'client_id is missing');
  if (!context.clientIds.includes(clientId)) {
    return refuse('client_id', `client_id "${clientId}" is not an app client of this issuer`);
  }
  const logoutUri = present(params, 'logout_uri');
  if (logoutUri !== undefined) {
    const refusal = context.signOutUrls.refusal(logoutUri);
    if (refusal !== undefined) return refuse('logout_uri', `logout_uri ${refusal}`);
    return redirect(response, logoutUri);
  }
  // Cognito's "sign out and sign in again" form: the authorize endpoint checks the rest.
  if (present(params, 'redirect_uri') !== undefined) {
    return redirect(response, `/oauth2/authorize${url.search}`);
  }
  refuse(
    'logout_uri',
    'logout_uri is missing; send an allowed sign-out URL, or redirect_uri with the parameters of /oauth2/authorize to sign in again',
  );
}
