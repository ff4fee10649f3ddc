import { sign, type KeyObject } from 'node:crypto';

/** A JWT header or payload: any JSON object. */
export type JwtSection = Readonly<Record<string, unknown>>;

/** Encodes a JSON object as one base64url section of a compact JWT. */
function encodeSection(section: JwtSection): string {
  return Buffer.from(JSON.stringify(section), 'utf8').toString('base64url');
}

/** Signs `header.payload` with RS256 (RSASSA-PKCS1-v1_5, SHA-256) and returns the compact JWT. */
export function signJwt(header: JwtSection, payload: JwtSection, privateKey: KeyObject): string {
  const signingInput = `${encodeSection(header)}.${encodeSection(payload)}`;
  const signature = sign('sha256', Buffer.from(signingInput, 'ascii'), privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}
