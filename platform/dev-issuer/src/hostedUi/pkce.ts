import { createHash, timingSafeEqual } from 'node:crypto';

// RFC 7636 §4.1-4.2: a verifier is 43-128 unreserved characters; an S256 challenge is the
// base64url of a SHA-256 digest without padding, so exactly 43 characters.
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Whether `value` has the shape of an S256 code challenge. */
export function isS256Challenge(value: string): boolean {
  return S256_CHALLENGE.test(value);
}

/** Whether `value` has the shape of a PKCE code verifier. */
export function isCodeVerifier(value: string): boolean {
  return VERIFIER.test(value);
}

/** BASE64URL(SHA256(ASCII(verifier))): the S256 challenge a verifier answers. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether `verifier` answers `challenge`, compared in constant time. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  const expected = Buffer.from(challenge, 'ascii');
  const actual = Buffer.from(s256Challenge(verifier), 'ascii');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
