import type { DevUser } from '../DevUser.js';
import type { JwtSection } from '../signJwt.js';
import type { AuthorizationCodes } from './AuthorizationCodes.js';
import type { RefreshTokens } from './RefreshTokens.js';
import type { SignIn } from './SignIn.js';
import type { UrlAllowList } from './UrlAllowList.js';

/** The tokens issued for a sign-in; the ID token only when `openid` was granted, as in Cognito. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly idToken?: string;
  /** Seconds the access token lives: `expires_in`. */
  readonly expiresIn: number;
}

/** The claims of an access token this issuer signed and still honours, or why it does not. */
export type AccessTokenCheck =
  | { readonly ok: true; readonly claims: JwtSection }
  | { readonly ok: false; readonly reason: string };

/** What the hosted UI endpoints need from the issuer they belong to. */
export interface HostedUiContext {
  /** The issuer URL: `iss` of every token. */
  readonly issuer: string;
  readonly clientIds: readonly string[];
  readonly users: readonly DevUser[];
  /** Where /oauth2/authorize may send codes. */
  readonly callbackUrls: UrlAllowList;
  /** Where /logout may send the browser. */
  readonly signOutUrls: UrlAllowList;
  readonly codes: AuthorizationCodes;
  readonly refreshTokens: RefreshTokens;
  /** The issuer's clock, milliseconds since the epoch. */
  readonly now: () => number;
  /** Signs the tokens for a sign-in; `withNonce` is false for refreshes. */
  issueTokens(signIn: SignIn, withNonce: boolean): IssuedTokens;
  /** Checks an access token presented to userInfo. */
  checkAccessToken(token: string): AccessTokenCheck;
}
