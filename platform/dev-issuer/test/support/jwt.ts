import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';

/** A compact JWT taken apart, as a verifier sees it. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** Splits and parses a compact JWT without checking anything. */
export function decodeJwt(token: string): DecodedJwt {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const parse = (section: string) =>
    JSON.parse(Buffer.from(section, 'base64url').toString('utf8')) as Record<string, unknown>;
  return {
    header: parse(header),
    payload: parse(payload),
    signingInput: `${header}.${payload}`,
    signature: Buffer.from(signature, 'base64url'),
  };
}

/** Verifies an RS256 signature with the key a JWKS publishes under the token's kid, as any verifier would. */
export async function verifiesAgainstJwks(jwksUri: string, token: string): Promise<boolean> {
  const response = await fetch(jwksUri);
  const { keys } = (await response.json()) as { keys: (JsonWebKey & { kid: string })[] };
  const { header, signingInput, signature } = decodeJwt(token);
  const jwk = keys.find((key) => key.kid === header.kid);
  if (jwk === undefined) return false;
  const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(signingInput), publicKey, signature);
}
