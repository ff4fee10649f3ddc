import type { FieldReader } from './fieldReaders.js';
import { tableChangeContract } from './tableChangeContract.js';

/** The fields of a user profile item that its events promise (v1). */
export interface UserImage {
  readonly id: string;
  readonly name: string;
  readonly avatarUrl?: string;
  readonly email?: string;
  /** Whether the user gets notification emails; absent in the item means true (opt-out). */
  readonly emailNotifications: boolean;
  /** ISO 8601. */
  readonly createdAt: string;
}

function userImage(item: FieldReader): UserImage {
  const avatarUrl = item.optionalString('avatarUrl');
  const email = item.optionalString('email');
  return {
    id: item.string('id'),
    name: item.string('name'),
    ...(avatarUrl !== undefined && { avatarUrl }),
    ...(email !== undefined && { email }),
    emailNotifications: item.optionalBoolean('emailNotifications') !== false,
    createdAt: item.time('createdAt'),
  };
}

/** `UserCreated` from `stack.users`: a profile was created on first sign-in or update. */
export const USER_CREATED = tableChangeContract({
  service: 'users',
  entity: 'User',
  change: 'Created',
  version: 1,
  image: userImage,
});

/** `UserUpdated` from `stack.users`: a profile changed; both images are present. */
export const USER_UPDATED = tableChangeContract({
  service: 'users',
  entity: 'User',
  change: 'Updated',
  version: 1,
  image: userImage,
});

/** `detail` of a parsed UserCreated. */
export type UserCreatedDetail = ReturnType<typeof USER_CREATED.parse>;
/** `detail` of a parsed UserUpdated. */
export type UserUpdatedDetail = ReturnType<typeof USER_UPDATED.parse>;
