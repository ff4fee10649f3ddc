/** A demo user the local hosted UI offers to sign in, with the attributes a Cognito user would have. */
export interface DevUser {
  /** Stable user id: the Cognito `sub`. */
  readonly id: string;
  /** Sign-in name: `username` in access tokens, `cognito:username` in ID tokens. */
  readonly username: string;
  /** Display name: the `name` attribute. */
  readonly name: string;
  /** The `email` attribute; always reported as verified. */
  readonly email: string;
  /** Cognito groups: the `cognito:groups` claim, left out when empty as Cognito does. */
  readonly groups: readonly string[];
}

/** Throws when two demo users share an id or a username, or one has an empty id or username. */
export function checkDevUsers(users: readonly DevUser[]): void {
  const ids = new Set<string>();
  const usernames = new Set<string>();
  for (const user of users) {
    if (user.id === '' || user.username === '') {
      throw new Error(
        `DevIssuer users need a non-empty id and username, got ${JSON.stringify(user)}`,
      );
    }
    if (ids.has(user.id))
      throw new Error(`DevIssuer users share the id "${user.id}"; ids must be unique`);
    if (usernames.has(user.username)) {
      throw new Error(
        `DevIssuer users share the username "${user.username}"; usernames must be unique`,
      );
    }
    ids.add(user.id);
    usernames.add(user.username);
  }
}
