/** What the local stage writes to each web app's /config.json (the shape docs/web.md gives). */
export interface LocalWebConfig {
  readonly apiUrl: string;
  readonly auth: {
    readonly authority: string;
    readonly clientId: string;
    readonly scopes: string;
    readonly signOutUrl: string;
  };
  readonly stage: string;
}

/** The scopes the web apps ask the issuer for. */
export const WEB_SCOPES = 'openid profile email';

/** /config.json for the local stage's web apps; the dev issuer serves Cognito's /logout. */
export function localWebConfig(
  apiUrl: string,
  authority: string,
  clientId: string,
): LocalWebConfig {
  return {
    apiUrl,
    auth: {
      authority,
      clientId,
      scopes: WEB_SCOPES,
      signOutUrl: `${authority.replace(/\/+$/, '')}/logout`,
    },
    stage: 'local',
  };
}
