import { ANONYMOUS, type Identity } from '@stack/kit';

/**
 * Reads the identity the authorizer put in `requestContext.authorizer.lambda` (all strings,
 * see services/authorizer AuthorizerContext). Anything missing or malformed is anonymous:
 * the router never grants more than the authorizer vouched for.
 */
export function identityFromAuthorizer(context: Record<string, unknown> | undefined): Identity {
  if (
    !context ||
    context.anonymous !== 'false' ||
    typeof context.userId !== 'string' ||
    context.userId === ''
  ) {
    return ANONYMOUS;
  }
  const groups =
    typeof context.groups === 'string' && context.groups !== '' ? context.groups.split(',') : [];
  return {
    userId: context.userId,
    groups,
    anonymous: false,
    ...(typeof context.username === 'string' && context.username !== ''
      ? { username: context.username }
      : {}),
  };
}
