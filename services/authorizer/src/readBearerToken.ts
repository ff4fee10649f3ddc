import type { APIGatewayRequestAuthorizerEventHeaders } from 'aws-lambda';

/** The credential a request presents: none, a bearer token, or something else. */
export type PresentedCredential =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'other' };

// RFC 6750 section 2.1: the scheme is case-insensitive and the credential is a token68.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Reads the Authorization header (any case) and tells whether it carries a bearer token. */
export function readBearerToken(
  headers: APIGatewayRequestAuthorizerEventHeaders | undefined,
): PresentedCredential {
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'authorization');
  const value = name === undefined ? undefined : headers?.[name];
  // Clients commonly send an empty header when signed out; that presents no credential.
  if (value === undefined || value.trim() === '') return { kind: 'none' };
  const token = BEARER.exec(value)?.[1];
  return token === undefined ? { kind: 'other' } : { kind: 'bearer', token };
}
