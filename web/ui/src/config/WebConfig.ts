// The shape of /config.json, written at deploy time by the hosting construct and locally by the
// local cloud (platform/local/src/web); docs/web.md documents it. Both web apps read it through
// this one type.

/** What a stage tells its web apps at run time, so one build serves every stage. */
export interface WebConfig {
  /** The GraphQL endpoint, e.g. https://api.example.com/graphql. */
  readonly apiUrl: string;
  readonly auth: {
    /** The OIDC issuer (Cognito user pool URL, or the local dev issuer). */
    readonly authority: string;
    /** The app client id. */
    readonly clientId: string;
    /** Space-separated scopes to ask for, e.g. "openid profile email". */
    readonly scopes: string;
    /**
     * The hosted UI's sign-out endpoint (Cognito's `<domain>/logout`, the dev issuer's `/logout`).
     * Signing out ends the hosted UI's session there too; without it only this tab forgets the
     * tokens, and the next sign-in skips the password.
     */
    readonly signOutUrl?: string;
  };
  /** The stage name; "production" turns off sending full query text with persisted hashes. */
  readonly stage: string;
}
