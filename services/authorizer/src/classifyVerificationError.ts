import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  JwtExpiredError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import type { RefusalReason } from './UnauthorizedError.js';

// Order matters only where classes inherit from one another; these do not overlap.
const REASONS: readonly (readonly [abstract new (...args: never[]) => Error, RefusalReason])[] = [
  [JwtParseError, 'malformed_token'],
  [JwtInvalidSignatureAlgorithmError, 'unsupported_algorithm'],
  [JwtWithoutValidKidError, 'unknown_key'],
  [KidNotFoundInJwksError, 'unknown_key'],
  // Raised instead of KidNotFoundInJwksError while the library backs off re-fetching the JWKS.
  [WaitPeriodNotYetEndedJwkError, 'unknown_key'],
  [JwtInvalidSignatureError, 'invalid_signature'],
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'not_yet_valid'],
  [JwtInvalidIssuerError, 'invalid_issuer'],
  [CognitoJwtInvalidTokenUseError, 'wrong_token_use'],
  [CognitoJwtInvalidClientIdError, 'client_id_not_allowed'],
];

/**
 * Tells a token the caller got wrong (a refusal reason, answered with 401) from a failure on our
 * side, such as an unreachable or broken JWKS (undefined, answered with 500 so clients keep their
 * tokens and retry instead of signing the user out).
 */
export function classifyVerificationError(error: unknown): RefusalReason | undefined {
  return REASONS.find(([errorClass]) => error instanceof errorClass)?.[1];
}
