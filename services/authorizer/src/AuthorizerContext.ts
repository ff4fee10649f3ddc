/**
 * The identity the authorizer hands to the integration as `requestContext.authorizer.lambda`.
 * Every value is a string so it reads the same in access logs, mapping expressions and code.
 * A type alias, not an interface, so it stays assignable to `Record<string, unknown>`, the
 * shape generic consumers such as the local API edge accept.
 */
export type AuthorizerContext = {
  /** The token's `sub`; empty for anonymous callers. */
  readonly userId: string;
  /** The token's `username`; empty for anonymous callers. */
  readonly username: string;
  /** The token's `cognito:groups`, comma-joined; empty when the user is in no group. */
  readonly groups: string;
  /** `'true'` when the request presented no credential (no or an empty Authorization header). */
  readonly anonymous: 'true' | 'false';
};
