/**
 * The token issuer the bench's local API trusts. Bench requests carry no token, so the
 * authorizer lets every one through as anonymous and never fetches this JWKS; port 9
 * (discard) makes any accidental fetch fail fast instead of reaching something real.
 */
export const ANONYMOUS_ONLY_AUTH = {
  issuer: 'http://127.0.0.1:9/bench-issuer',
  jwksUri: 'http://127.0.0.1:9/bench-issuer/.well-known/jwks.json',
  clientIds: ['bench'],
} as const;
