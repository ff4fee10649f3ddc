import { isAdmin, requireUserId, type Resolvers } from '@stack/kit';
import type { UsersContext } from './UsersContext.js';
import type { UserRecord } from './UserRecord.js';
import { validateProfileInput } from './validateProfileInput.js';

/** A user nobody has stored a profile for (e.g. removed); references still resolve. */
function unknownUser(id: string): UserRecord {
  return { id, name: 'Unknown user', createdAt: new Date(0).toISOString() };
}

export const resolvers: Resolvers<UsersContext> = {
  Query: {
    async me(_root, _args, context) {
      if (context.identity.anonymous || !context.identity.userId) return null;
      const userId = context.identity.userId;
      // First sign-in: the profile is created from the token's username, so every signed-in
      // user who writes a review can be shown as its author.
      return (
        (await context.users.get(userId)) ??
        (await context.users.ensure({
          id: userId,
          name: context.identity.username ?? 'New user',
          createdAt: new Date().toISOString(),
        }))
      );
    },
    async user(_root, args: { id: string }, context) {
      return (await context.users.get(args.id)) ?? null;
    },
  },
  Mutation: {
    async updateMe(
      _root,
      args: { input: { name?: string | null; avatarUrl?: string | null } },
      context,
    ) {
      const userId = requireUserId(context.identity);
      const changes = validateProfileInput(args.input);
      return context.users.update(userId, changes, {
        name: context.identity.username ?? 'New user',
        createdAt: new Date().toISOString(),
      });
    },
  },
  User: {
    async __resolveReference(reference: { id: string }, context: UsersContext) {
      return (await context.users.get(reference.id)) ?? unknownUser(reference.id);
    },
    email(user: UserRecord, _args: unknown, context: UsersContext) {
      const self = context.identity.userId !== undefined && context.identity.userId === user.id;
      return self || isAdmin(context.identity) ? (user.email ?? null) : null;
    },
  },
};
