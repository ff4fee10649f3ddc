import type { DevUser } from '../DevUser.js';

/** One completed sign-in: what an authorization code or a refresh token stands for. */
export interface SignIn {
  /** Who signed in. */
  readonly user: DevUser;
  /** The app client signed in to: `client_id` of the access token, `aud` of the ID token. */
  readonly clientId: string;
  /** Granted scopes, in the order they were asked for. */
  readonly scope: readonly string[];
  /** Echoed into the ID token issued for the code, never into refreshed ones. */
  readonly nonce?: string;
  /** When the user signed in, seconds since the epoch: `auth_time`, kept across refreshes. */
  readonly authTime: number;
}
