import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from './keys.js';

/** BatchGetItem's limit on keys per request. */
export const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;

export type Item = Record<string, unknown>;

/**
 * Reads many items by key with BatchGetItem: chunks of 100, retrying `UnprocessedKeys` with
 * exponential backoff (DynamoDB returns them under throttling or the 16 MB response limit).
 * Returns the items in key order, `undefined` where an item does not exist.
 */
export async function batchGetItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly ItemKey[],
  options: { consistentRead?: boolean } = {},
): Promise<(Item | undefined)[]> {
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((key) => [keyId(key), key])).values()];
  const chunks: ItemKey[][] = [];
  for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
    chunks.push(unique.slice(start, start + BATCH_GET_LIMIT));
  }
  await Promise.all(chunks.map((chunk) => readChunk(client, tableName, chunk, found, options)));
  return keys.map((key) => found.get(keyId(key)));
}

async function readChunk(
  client: DynamoDBDocumentClient,
  tableName: string,
  chunk: ItemKey[],
  found: Map<string, Item>,
  options: { consistentRead?: boolean },
): Promise<void> {
  let pending: Record<string, unknown>[] = chunk.map((key) => ({ pk: key.pk, sk: key.sk }));
  for (let round = 0; pending.length > 0; round += 1) {
    if (round === MAX_ROUNDS) {
      throw new Error(
        `BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ROUNDS} rounds`,
      );
    }
    if (round > 0) await sleep(Math.min(1000, 25 * 2 ** round) * (0.5 + Math.random() / 2));
    const output = await client.send(
      new BatchGetCommand({
        RequestItems: {
          [tableName]: {
            Keys: pending,
            ...(options.consistentRead ? { ConsistentRead: true } : {}),
          },
        },
      }),
    );
    for (const item of output.Responses?.[tableName] ?? []) {
      found.set(keyId(item as unknown as ItemKey), item);
    }
    pending = output.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
}

function keyId(key: ItemKey): string {
  return `${key.pk}\u0000${key.sk}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
