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
    automaticSilentRenew: false,
  });
}
