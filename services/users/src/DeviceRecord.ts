import { createHash } from 'node:crypto';

/** The push services a device can be registered with (GraphQL enum DevicePlatform). */
export const DEVICE_PLATFORMS = ['APNS', 'APNS_SANDBOX', 'FCM'] as const;
export type DevicePlatform = (typeof DEVICE_PLATFORMS)[number];

/**
 * A registered device, stored in the user's item under `devices.<id>` (so one GetItem gives the
 * notifications worker the owner's email, preference and devices).
 */
export interface DeviceRecord {
  readonly id: string;
  readonly platform: DevicePlatform;
  /** The SNS platform endpoint push messages are published to. */
  readonly endpointArn: string;
  readonly registeredAt: string;
}

/** Most devices one user may register: keeps the user item far below DynamoDB's 400 KB. */
export const MAX_DEVICES = 10;

/**
 * A device's id: derived from platform and token, so registering the same token again is the
 * same device (the token itself is not stored, SNS keeps it in the endpoint).
 */
export function deviceId(platform: DevicePlatform, token: string): string {
  return createHash('sha256').update(`${platform}:${token}`).digest('hex').slice(0, 20);
}

/** Reads the `devices` map of a user item. */
export function devicesFromItem(value: unknown): DeviceRecord[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value as Record<string, Record<string, unknown>>)
    .filter((device) => typeof device.id === 'string' && typeof device.endpointArn === 'string')
    .map((device) => ({
      id: String(device.id),
      platform: String(device.platform) as DevicePlatform,
      endpointArn: String(device.endpointArn),
      registeredAt: String(device.registeredAt),
    }))
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}
