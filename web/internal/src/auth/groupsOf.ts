import type { User } from 'oidc-client-ts';

/** The user's Cognito groups, from the ID token, or the access token when it has none. */
export function groupsOf(user: User): readonly string[] {
  const fromProfile = (user.profile as Record<string, unknown>)['cognito:groups'];
  if (Array.isArray(fromProfile))
    return fromProfile.filter((g): g is string => typeof g === 'string');
  try {
    const payload = user.access_token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >;
    const groups = claims['cognito:groups'];
    return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}
