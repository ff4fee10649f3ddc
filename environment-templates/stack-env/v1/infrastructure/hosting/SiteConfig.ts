/**
 * `/config.json` of a web site: what the static export cannot know at build time, written at
 * deploy time from the environment's resources. The web apps read it before anything else.
 */
export interface SiteConfig {
  /** The environment's public GraphQL endpoint. */
  readonly apiUrl: string;
  /** OpenID Connect settings of the site's Cognito app client. */
  readonly auth: {
    /** The user pool's issuer URL (`https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
    readonly authority: string;
    /** The site's app client (public: no secret, authorization code grant with PKCE). */
    readonly clientId: string;
    /** Space-separated OAuth scopes to request. */
    readonly scopes: string;
    /**
     * The hosted UI's sign-out endpoint (`<auth domain>/logout`): the apps send the browser there
     * with `client_id` and `logout_uri` to end the hosted UI's session too, not only their own.
     */
    readonly signOutUrl: string;
  };
  /** The environment's stage name. */
  readonly stage: string;
}

/** The scopes the web apps request; the app clients allow exactly these. */
export const SITE_SCOPES = 'openid email profile';
