import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { entityKey, entityLoader } from '@stack/kit';
import { MAX_DEVICES, type DeviceRecord } from './DeviceRecord.js';
import { SERVICE, USER_ENTITY, userFromItem, type UserRecord } from './UserRecord.js';
import type { ProfileChanges } from './validateProfileInput.js';

/** Table access of the users service. One instance per request: its loader caches. */
export class UsersRepository {
  private readonly loader;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.loader = entityLoader({
      client,
      tableName,
      service: SERVICE,
      entity: USER_ENTITY,
      fromItem: userFromItem,
    });
  }

  /** A profile by id (batched with every other lookup of the same tick). */
  async get(id: string): Promise<UserRecord | undefined> {
    return this.loader.load(id);
  }

  /**
   * Creates the profile if it does not exist yet; returns the stored profile either way.
   * emailNotifications defaults to true (users opt out, not in).
   */
  async ensure(
    input: Omit<UserRecord, 'emailNotifications'> & { emailNotifications?: boolean },
  ): Promise<UserRecord> {
    const profile: UserRecord = { ...input, emailNotifications: input.emailNotifications ?? true };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...entityKey(SERVICE, USER_ENTITY, profile.id), ...profile },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      this.loader.prime(profile.id, profile);
      return profile;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      this.loader.clear(profile.id);
      return (await this.get(profile.id)) ?? profile;
    }
  }

  /** Applies profile changes, creating the profile with `defaults` on first use. */
  async update(
    id: string,
    changes: ProfileChanges,
    defaults: { name: string; createdAt: string },
  ): Promise<UserRecord> {
    const set = [
      'id = :id',
      'createdAt = if_not_exists(createdAt, :createdAt)',
      'updatedAt = :now',
    ];
    const values: Record<string, unknown> = {
      ':id': id,
      ':createdAt': defaults.createdAt,
      ':now': new Date().toISOString(),
    };
    set.push(changes.name !== undefined ? '#name = :name' : '#name = if_not_exists(#name, :name)');
    values[':name'] = changes.name ?? defaults.name;
    const remove: string[] = [];
    if (changes.avatarUrl === null) remove.push('avatarUrl');
    else if (changes.avatarUrl !== undefined) {
      set.push('avatarUrl = :avatarUrl');
      values[':avatarUrl'] = changes.avatarUrl;
    }
    if (changes.emailNotifications !== undefined) {
      set.push('emailNotifications = :emailNotifications');
      values[':emailNotifications'] = changes.emailNotifications;
    }
    const output = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: entityKey(SERVICE, USER_ENTITY, id),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    const user = userFromItem(output.Attributes ?? {});
    this.loader.clear(id).prime(id, user);
    return user;
  }

  /**
   * Adds (or replaces, for the same id) a device in the user's `devices` map. Returns false,
   * writing nothing, when the user already has MAX_DEVICES other devices.
   */
  async putDevice(userId: string, device: DeviceRecord): Promise<boolean> {
    const key = entityKey(SERVICE, USER_ENTITY, userId);
    // A map must exist before one of its entries can be set; profiles from before devices lack it.
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'SET devices = if_not_exists(devices, :empty)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':empty': {} },
      }),
    );
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET devices.#id = :device',
          ConditionExpression: 'attribute_exists(devices.#id) OR size(devices) < :max',
          ExpressionAttributeNames: { '#id': device.id },
          ExpressionAttributeValues: { ':device': device, ':max': MAX_DEVICES },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    this.loader.clear(userId);
    return true;
  }

  /** Removes a device from the user's map; false when it was not there. */
  async removeDevice(userId: string, id: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entityKey(SERVICE, USER_ENTITY, userId),
          UpdateExpression: 'REMOVE devices.#id',
          ConditionExpression: 'attribute_exists(devices.#id)',
          ExpressionAttributeNames: { '#id': id },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    this.loader.clear(userId);
    return true;
  }
}
