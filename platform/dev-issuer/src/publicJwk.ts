import type { KeyObject } from 'node:crypto';

/** An RSA public key as a JWKS entry, in the shape Cognito publishes. */
export interface RsaPublicJwk {
  readonly kty: 'RSA';
  readonly kid: string;
  readonly alg: 'RS256';
  readonly use: 'sig';
  /** Modulus, base64url. */
  readonly n: string;
  /** Public exponent, base64url. */
  readonly e: string;
}

/** Converts an RSA public key to the JWK a verifier finds by `kid` in the JWKS. */
export function publicJwk(publicKey: KeyObject, kid: string): RsaPublicJwk {
  const { kty, n, e } = publicKey.export({ format: 'jwk' });
  if (kty !== 'RSA' || n === undefined || e === undefined) {
    throw new Error(`publicJwk needs an RSA public key, got key type ${String(kty)}`);
  }
  return { kty: 'RSA', kid, alg: 'RS256', use: 'sig', n, e };
}
