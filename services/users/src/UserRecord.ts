import type { Item } from '@stack/kit';
import { devicesFromItem, type DeviceRecord } from './DeviceRecord.js';

/** A user profile as stored in the table. */
export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly avatarUrl?: string;
  readonly email?: string;
  readonly createdAt: string;
  /** Whether the user gets notification emails; absent in the table means true (opt-out). */
  readonly emailNotifications: boolean;
  /** Devices registered for push (the item's `devices` map); absent = none. */
  readonly devices?: readonly DeviceRecord[];
}

/** The service name, which prefixes every key this service writes. */
export const SERVICE = 'users';
/** The entity name in keys. */
export const USER_ENTITY = 'User';

/** Reads a profile from a table item. */
export function userFromItem(item: Item): UserRecord {
  return {
    id: String(item.id),
    name: String(item.name),
    createdAt: String(item.createdAt),
    emailNotifications: item.emailNotifications !== false,
    devices: devicesFromItem(item.devices),
    ...(typeof item.avatarUrl === 'string' ? { avatarUrl: item.avatarUrl } : {}),
    ...(typeof item.email === 'string' ? { email: item.email } : {}),
  };
}
