import { createHash } from 'node:crypto';
import type { RsaPublicJwk } from './publicJwk.js';

/** The RFC 7638 SHA-256 thumbprint of an RSA public JWK, base64url: a key id that changes with the key. */
export function jwkThumbprint(jwk: Pick<RsaPublicJwk, 'e' | 'kty' | 'n'>): string {
  // RFC 7638 §3.2: the required members only, in lexicographic order, without whitespace.
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}
