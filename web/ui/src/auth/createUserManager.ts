import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { WebConfig } from '../config/WebConfig';

/** The path the OIDC provider sends the browser back to with the authorization code. */
export const CALLBACK_PATH = '/auth/callback/';

/** An OIDC client for the stage's user pool: authorization code flow with PKCE (S256). */
export function createUserManager(config: WebConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.auth.authority,
    client_id: config.auth.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: config.auth.scopes,
    // Tokens live only as long as the tab: nothing outlasts closing the browser.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Shortly before the access token expires, the client trades its refresh token (Cognito
    // issues one with the code; 30 days) for new tokens, without leaving the page.
    automaticSilentRenew: true,
  });
}

/**
 * The hosted UI's sign-out URL for this app, or undefined when the stage gives none: Cognito's
 * `/logout` ends its session and sends the browser to `logout_uri`, which the app client must
 * allow (the environment allows `<site>/`).
 */
export function signOutRedirectUrl(config: WebConfig, origin: string): string | undefined {
  if (config.auth.signOutUrl === undefined) return undefined;
  const url = new URL(config.auth.signOutUrl);
  url.searchParams.set('client_id', config.auth.clientId);
  url.searchParams.set('logout_uri', `${origin}/`);
  return url.toString();
}
