// The shape of /config.json, written at deploy time by the hosting construct and locally by the
// local cloud (platform/local/src/web). web/internal/src/config/WebConfig.ts holds the same type:
// workspaces do not import each other's files, so a change here must be made there too
// (docs/web.md documents the shape).

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
  };
  /** The stage name; "production" turns off sending full query text with persisted hashes. */
  readonly stage: string;
}
