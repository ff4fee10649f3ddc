import { forbidden, unauthenticated } from '../errors/graphqlErrors.js';

/** Who is calling, as verified by the authorizer and forwarded by the router. */
export interface Identity {
  /** Cognito `sub`; undefined when anonymous. */
  readonly userId?: string;
  readonly username?: string;
  /** Cognito groups, e.g. `admin`. */
  readonly groups: readonly string[];
  readonly anonymous: boolean;
}

/** The identity of a caller who sent no token. */
export const ANONYMOUS: Identity = Object.freeze({ groups: [], anonymous: true });

/** The group whose members may moderate and manage the catalogue. */
export const ADMIN_GROUP = 'admin';

/** True when the caller is in the `admin` group. */
export function isAdmin(identity: Identity): boolean {
  return !identity.anonymous && identity.groups.includes(ADMIN_GROUP);
}

/** Returns the caller's user id, or throws UNAUTHENTICATED when anonymous. */
export function requireUserId(identity: Identity): string {
  if (identity.anonymous || !identity.userId) throw unauthenticated();
  return identity.userId;
}

/** Throws UNAUTHENTICATED when anonymous and FORBIDDEN when not an admin. */
export function requireAdmin(identity: Identity): string {
  const userId = requireUserId(identity);
  if (!isAdmin(identity)) throw forbidden('Only admins may do this.');
  return userId;
}
