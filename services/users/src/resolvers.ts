import { badUserInput, forbidden, isAdmin, requireUserId, type Resolvers } from '@stack/kit';
import type { UsersContext } from './UsersContext.js';
import type { UserRecord } from './UserRecord.js';
import { deviceId, MAX_DEVICES, type DevicePlatform } from './DeviceRecord.js';
import { validateDeviceToken } from './validateDeviceToken.js';
import { validateProfileInput } from './validateProfileInput.js';

/** A user nobody has stored a profile for (e.g. removed); references still resolve. */
function unknownUser(id: string): UserRecord {
  return {
    id,
    name: 'Unknown user',
    createdAt: new Date(0).toISOString(),
    emailNotifications: true,
  };
}

function tooManyDevices() {
  return badUserInput(
    `You can register at most ${MAX_DEVICES} devices; unregister one (unregisterDevice) first.`,
    'token',
  );
}

/** Whether the caller may read the user's private fields (email, preferences). */
function mayReadPrivate(user: UserRecord, context: UsersContext): boolean {
  const self = context.identity.userId !== undefined && context.identity.userId === user.id;
  return self || isAdmin(context.identity);
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
          emailNotifications: true,
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
      args: {
        input: {
          name?: string | null;
          avatarUrl?: string | null;
          emailNotifications?: boolean | null;
        };
      },
      context,
    ) {
      const userId = requireUserId(context.identity);
      const changes = validateProfileInput(args.input);
      return context.users.update(userId, changes, {
        name: context.identity.username ?? 'New user',
        createdAt: new Date().toISOString(),
      });
    },
    async registerDevice(_root, args: { token: string; platform: DevicePlatform }, context) {
      const userId = requireUserId(context.identity);
      const token = validateDeviceToken(args.token);
      // Refused before anything is created in SNS or stored.
      context.push.requireEnabled(args.platform);
      const user = await context.users.ensure({
        id: userId,
        name: context.identity.username ?? 'New user',
        createdAt: new Date().toISOString(),
      });
      const id = deviceId(args.platform, token);
      const known = user.devices?.find((device) => device.id === id);
      if (!known && (user.devices?.length ?? 0) >= MAX_DEVICES) throw tooManyDevices();
      const endpointArn = await context.push.createEndpoint(args.platform, token, userId);
      const device = {
        id,
        platform: args.platform,
        endpointArn,
        registeredAt: known?.registeredAt ?? new Date().toISOString(),
      };
      if (!(await context.users.putDevice(userId, device))) throw tooManyDevices();
      return device;
    },
    async unregisterDevice(_root, args: { id: string }, context) {
      const userId = requireUserId(context.identity);
      const user = await context.users.get(userId);
      const device = user?.devices?.find((each) => each.id === args.id);
      if (!device) return false;
      await context.push.deleteEndpoint(device.endpointArn);
      return context.users.removeDevice(userId, device.id);
    },
  },
  User: {
    async __resolveReference(reference: { id: string }, context: UsersContext) {
      return (await context.users.get(reference.id)) ?? unknownUser(reference.id);
    },
    email(user: UserRecord, _args: unknown, context: UsersContext) {
      return mayReadPrivate(user, context) ? (user.email ?? null) : null;
    },
    devices(user: UserRecord, _args: unknown, context: UsersContext) {
      if (!mayReadPrivate(user, context)) {
        throw forbidden('Only the user themself or an admin may read "devices".');
      }
      return user.devices ?? [];
    },
    emailNotifications(user: UserRecord, _args: unknown, context: UsersContext) {
      // Non-null with no neutral value to hide behind, so others get an error, not a fake value.
      if (!mayReadPrivate(user, context)) {
        throw forbidden('Only the user themself or an admin may read "emailNotifications".');
      }
      return user.emailNotifications;
    },
  },
};
