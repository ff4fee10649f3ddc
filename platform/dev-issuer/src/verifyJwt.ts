import { verify, type KeyObject } from 'node:crypto';
import type { JwtSection } from './signJwt.js';

/** The payload of a JWT whose signature holds, or why it does not. */
export type JwtCheck =
  | { readonly ok: true; readonly payload: JwtSection }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks that a compact JWT is RS256 under `kid` and signed by `publicKey`; judging its claims is
 * left to the caller.
 */
export function verifyJwt(token: string, publicKey: KeyObject, kid: string): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3)
    return { ok: false, reason: 'not a compact JWT (three dot-separated parts)' };
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = parseSection(headerPart);
  const payload = parseSection(payloadPart);
  if (header === undefined || payload === undefined) {
    return { ok: false, reason: 'header or payload is not base64url-encoded JSON' };
  }
  if (header.alg !== 'RS256')
    return { ok: false, reason: `alg is ${String(header.alg)}, not RS256` };
  if (header.kid !== kid)
    return { ok: false, reason: `kid ${String(header.kid)} is not this issuer's key` };
  const signed = verify(
    'sha256',
    Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'),
    publicKey,
    Buffer.from(signaturePart, 'base64url'),
  );
  return signed ? { ok: true, payload } : { ok: false, reason: 'signature does not verify' };
}

function parseSection(section: string): JwtSection | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(section, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JwtSection)
      : undefined;
  } catch {
    return undefined;
  }
}
