import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { entityKey, entityLoader } from '@stack/kit';
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

  /** Creates the profile if it does not exist yet; returns the stored profile either way. */
  async ensure(profile: UserRecord): Promise<UserRecord> {
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
}
