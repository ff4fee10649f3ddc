import { beforeAll, describe, expect, it } from '@jest/globals';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createTestTable } from '../../src/testing/index.js';
import { batchGetItems } from '../../src/dynamo/batchGetItems.js';
import { documentClient } from '../../src/dynamo/documentClient.js';
import { entityKey } from '../../src/dynamo/keys.js';

describe('Function: batchGetItems (DynamoDB Local)', () => {
  let tableName: string;
  beforeAll(async () => {
    tableName = await createTestTable('batch');
    for (let start = 0; start < 250; start += 25) {
      const items = Array.from({ length: 25 }, (_, offset) => ({
        ...entityKey('kit', 'Thing', String(start + offset)),
        n: start + offset,
      }));
      await documentClient().send(
        new BatchWriteCommand({
          RequestItems: { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    }
  });

  it('reads 250 keys in chunks of 100 and returns them in key order', async () => {
    const sent: number[] = [];
    const client = documentClient();
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'BatchGetItemCommand')
          sent.push(
            (
              (args.input as { RequestItems: Record<string, { Keys: unknown[] }> }).RequestItems[
                tableName
              ]?.Keys ?? []
            ).length,
          );
        return next(args);
      },
      { step: 'initialize', name: 'count-batch' },
    );
    try {
      const ids = Array.from({ length: 250 }, (_, index) => String(249 - index));
      const items = await batchGetItems(
        client,
        tableName,
        ids.map((id) => entityKey('kit', 'Thing', id)),
      );
      expect(items.map((item) => item?.n)).toEqual(ids.map(Number));
      expect(sent.sort()).toEqual([100, 100, 50]);
    } finally {
      client.middlewareStack.remove('count-batch');
    }
  });

  it('returns undefined for missing items and reads duplicates once', async () => {
    const items = await batchGetItems(documentClient(), tableName, [
      entityKey('kit', 'Thing', '1'),
      entityKey('kit', 'Thing', 'none'),
      entityKey('kit', 'Thing', '1'),
    ]);
    expect(items.map((item) => item?.n)).toEqual([1, undefined, 1]);
  });
});
