import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  JwtParseError,
} from 'aws-jwt-verify/error';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

/**
 * Builds the `customJwtCheck` for aws-jwt-verify that tells a Cognito access token from anything
 * else the issuer signs. Cognito access tokens carry `client_id` instead of `aud`, so the library's
 * audience check cannot be used; and an ID token from the same pool must not pass as access.
 */
export function checkAccessTokenClaims(
  clientIds: readonly string[],
): (props: { payload: JwtPayload }) => void {
  return ({ payload }) => {
    if (payload.token_use !== 'access') {
      throw new CognitoJwtInvalidTokenUseError(
        'Token use not allowed',
        payload.token_use,
        'access',
      );
    }
    if (typeof payload.client_id !== 'string' || !clientIds.includes(payload.client_id)) {
      throw new CognitoJwtInvalidClientIdError(
        'Client ID not allowed',
        payload.client_id,
        clientIds,
      );
    }
    // The library accepts tokens without exp; a Cognito access token always has one, and the
    // result cache needs it to know how long a verification stays true.
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.exp !== 'number') {
      throw new JwtParseError('Access token lacks a sub or exp claim');
    }
  };
}
