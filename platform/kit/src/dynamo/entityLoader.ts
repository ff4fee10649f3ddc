import DataLoader from 'dataloader';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, type Item } from './batchGetItems.js';
import { entityKey } from './keys.js';

/**
 * A per-request DataLoader that reads entities of one kind by id through BatchGetItem, so
 * resolving N references costs ceil(N/100) table calls instead of N. Create one per request:
 * it caches, and a cache shared across requests would serve stale data.
 */
export function entityLoader<T>(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  service: string;
  entity: string;
  fromItem: (item: Item) => T;
}): DataLoader<string, T | undefined> {
  return new DataLoader<string, T | undefined>(
    async (ids) => {
      const items = await batchGetItems(
        options.client,
        options.tableName,
        ids.map((id) => entityKey(options.service, options.entity, id)),
      );
      return items.map((item) => (item ? options.fromItem(item) : undefined));
    },
    { maxBatchSize: 100 },
  );
}
