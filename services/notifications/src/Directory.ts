import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { entityKey, type Item } from '@stack/kit';

/** What notifications needs of a product (a products# item). */
export interface ProductSummary {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
}

/** A push endpoint the user registered (users' `registerDevice`). */
export interface DeviceEndpoint {
  readonly id: string;
  readonly platform: string;
  readonly endpointArn: string;
}

/** What notifications needs of a user (a users# item). */
export interface Recipient {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** Absent in the table means true: users opt out, not in. */
  readonly emailNotifications: boolean;
  readonly devices: readonly DeviceEndpoint[];
}

/**
 * Reads other services' items by key, as `readsFrom: [products, users]` allows (GetItem on
 * `products#*` and `users#*`, nothing else). The item shapes are those services' public keys.
 */
export class Directory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** A product, or undefined when it is gone. */
  async product(id: string): Promise<ProductSummary | undefined> {
    const item = await this.get(entityKey('products', 'Product', id));
    if (!item || typeof item.ownerId !== 'string') return undefined;
    return { id, title: typeof item.title === 'string' ? item.title : id, ownerId: item.ownerId };
  }

  /** A user's contact details and preferences, or undefined when there is no profile. */
  async user(id: string): Promise<Recipient | undefined> {
    const item = await this.get(entityKey('users', 'User', id));
    if (!item) return undefined;
    return {
      id,
      name: typeof item.name === 'string' ? item.name : 'Someone',
      ...(typeof item.email === 'string' && item.email !== '' ? { email: item.email } : {}),
      emailNotifications: item.emailNotifications !== false,
      devices: devicesOf(item),
    };
  }

  private async get(key: { pk: string; sk: string }): Promise<Item | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return output.Item;
  }
}

function devicesOf(item: Item): DeviceEndpoint[] {
  const devices = item.devices;
  if (typeof devices !== 'object' || devices === null) return [];
  return Object.values(devices as Record<string, unknown>).flatMap((raw) => {
    const device = raw as Record<string, unknown>;
    return typeof device.endpointArn === 'string' && typeof device.id === 'string'
      ? [{ id: device.id, platform: String(device.platform), endpointArn: device.endpointArn }]
      : [];
  });
}
