import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { AuthorizerContext } from './AuthorizerContext.js';

/** Turns the claims of a verified access token into the identity passed to the integration. */
export function identityFromClaims(payload: JwtPayload): AuthorizerContext {
  const groups = payload['cognito:groups'];
  return {
    userId: payload.sub ?? '',
    username: typeof payload.username === 'string' ? payload.username : '',
    groups: Array.isArray(groups)
      ? groups.filter((group): group is string => typeof group === 'string').join(',')
      : '',
    anonymous: 'false',
  };
}
