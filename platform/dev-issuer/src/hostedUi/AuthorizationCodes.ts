import { randomBytes } from 'node:crypto';
import type { SignIn } from './SignIn.js';

/** What an authorization code is bound to until it is redeemed. */
export interface PendingCode {
  readonly signIn: SignIn;
  /** Must be sent again, identical, to the token endpoint (RFC 6749 §4.1.3). */
  readonly redirectUri: string;
  /** S256 challenge the code verifier must answer. */
  readonly codeChallenge: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** Cognito's authorization codes live five minutes. */
export const CODE_LIFETIME_MS = 5 * 60 * 1000;

/** One-time authorization codes, kept in memory. */
export class AuthorizationCodes {
  readonly #pending = new Map<string, PendingCode>();
  readonly #now: () => number;

  /** `now` is the issuer's clock in milliseconds. */
  constructor(now: () => number) {
    this.#now = now;
  }

  /** Creates a random code bound to a sign-in, a redirect URI and a PKCE challenge. */
  issue(binding: Omit<PendingCode, 'expiresAt'>): string {
    const now = this.#now();
    // Expired codes are dropped here, so abandoned sign-ins do not pile up.
    for (const [code, pending] of this.#pending)
      if (pending.expiresAt <= now) this.#pending.delete(code);
    const code = randomBytes(32).toString('base64url');
    this.#pending.set(code, { ...binding, expiresAt: now + CODE_LIFETIME_MS });
    return code;
  }

  /**
   * Removes a code and returns what it was bound to, even when the redemption then fails: a code
   * gets exactly one attempt (RFC 6749 §4.1.2), so a wrong verifier cannot be retried.
   */
  take(code: string): PendingCode | undefined {
    const pending = this.#pending.get(code);
    this.#pending.delete(code);
    return pending;
  }
}
