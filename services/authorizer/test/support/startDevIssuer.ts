import { DevIssuer, type DevIssuerOptions } from '@stack/dev-issuer';

/** The real local Cognito stand-in the authorizer tests sign tokens with. */
export type TokenIssuer = DevIssuer;

/** Starts a real DevIssuer (RSA key, JWKS over HTTP on 127.0.0.1). */
export function startDevIssuer(options: DevIssuerOptions = {}): Promise<TokenIssuer> {
  return DevIssuer.start(options);
}
