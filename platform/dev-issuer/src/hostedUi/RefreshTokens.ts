import { randomBytes } from 'node:crypto';
import type { SignIn } from './SignIn.js';

/** Cognito's default refresh token validity: 30 days. */
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Opaque refresh tokens, kept in memory: they die with the issuer, as a revoked session would. */
export class RefreshTokens {
  readonly #sessions = new Map<string, { readonly signIn: SignIn; readonly expiresAt: number }>();
  readonly #now: () => number;

  /** `now` is the issuer's clock in milliseconds. */
  constructor(now: () => number) {
    this.#now = now;
  }

  /** Creates a refresh token for a sign-in; its nonce is dropped, as refreshed ID tokens carry none. */
  issue(signIn: SignIn): string {
    const now = this.#now();
    for (const [token, session] of this.#sessions)
      if (session.expiresAt <= now) this.#sessions.delete(token);
    const { user, clientId, scope, authTime } = signIn;
    const token = randomBytes(48).toString('base64url');
    this.#sessions.set(token, {
      signIn: { user, clientId, scope, authTime },
      expiresAt: now + REFRESH_TOKEN_LIFETIME_MS,
    });
    return token;
  }

  /** The sign-in a refresh token stands for; undefined when unknown or expired. */
  find(token: string): SignIn | undefined {
    const session = this.#sessions.get(token);
    return session !== undefined && session.expiresAt > this.#now() ? session.signIn : undefined;
  }
}
