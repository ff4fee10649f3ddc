/** What the authorizer trusts: one token issuer and the app clients whose tokens it accepts. */
export interface AuthorizerConfig {
  /** Exactly the `iss` claim of accepted tokens, e.g. `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /** Where the issuer publishes its signing keys. */
  readonly jwksUri: string;
  /** App client ids whose access tokens are accepted (Cognito puts it in `client_id`, not `aud`). */
  readonly clientIds: readonly string[];
}
