import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from './Identity.js';

/** Header carrying the caller's identity from the router to a subgraph. */
export const IDENTITY_HEADER = 'x-stack-identity';
/** Header carrying the router's HMAC of the identity header. */
export const SIGNATURE_HEADER = 'x-stack-signature';

/** How long a signed identity is accepted, so a captured header cannot be replayed for long. */
const MAX_AGE_SECONDS = 300;

interface SignedIdentityPayload extends Identity {
  /** Issued-at, seconds since the epoch. */
  readonly iat: number;
}

/** A signed identity as it travels in headers or in a direct-invoke event. */
export interface SignedIdentity {
  readonly identity: string;
  readonly signature: string;
}

/** Encodes and signs an identity with the router's shared secret. */
export function signIdentity(identity: Identity, secret: string, now = Date.now()): SignedIdentity {
  const payload: SignedIdentityPayload = { ...identity, iat: Math.floor(now / 1000) };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { identity: encoded, signature: hmac(encoded, secret) };
}

/**
 * Verifies a signed identity; returns it, or undefined when the signature is wrong, the
 * payload is malformed, or it is older than five minutes (subgraphs then refuse the call).
 */
export function verifyIdentity(
  signed: Partial<SignedIdentity>,
  secret: string,
  now = Date.now(),
): Identity | undefined {
  if (!signed.identity || !signed.signature) return undefined;
  const expected = Buffer.from(hmac(signed.identity, secret));
  const given = Buffer.from(signed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(signed.identity, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isPayload(payload)) return undefined;
  const age = Math.floor(now / 1000) - payload.iat;
  if (age > MAX_AGE_SECONDS || age < -MAX_AGE_SECONDS) return undefined;
  return {
    groups: payload.groups,
    anonymous: payload.anonymous,
    ...(payload.userId ? { userId: payload.userId } : {}),
    ...(payload.username ? { username: payload.username } : {}),
  };
}

function hmac(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

function isPayload(value: unknown): value is SignedIdentityPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.iat === 'number' &&
    typeof candidate.anonymous === 'boolean' &&
    Array.isArray(candidate.groups) &&
    candidate.groups.every((group) => typeof group === 'string') &&
    (candidate.userId === undefined || typeof candidate.userId === 'string') &&
    (candidate.username === undefined || typeof candidate.username === 'string')
  );
}
