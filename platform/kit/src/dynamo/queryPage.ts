import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { badUserInput } from '../errors/graphqlErrors.js';
import type { Item } from './batchGetItems.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { TABLE_SCHEMA } from './tableSchema.js';

/** One page of a key-ordered list, with a cursor per item for `after`. */
export interface Page {
  readonly items: readonly Item[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
}

/** Which partition to page through: the table's own key or the GSI. */
export interface PageQuery {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly index: 'table' | 'gsi1';
  readonly partition: string;
  readonly first: number;
  readonly after?: string | null;
  /** Newest first when sort keys are time-ordered (the default). */
  readonly newestFirst?: boolean;
}

/**
 * Reads one page of a partition in one Query call. It asks for one item more than the page
 * so `hasNextPage` is exact (DynamoDB's LastEvaluatedKey is also set when nothing follows).
 * A cursor from another list is rejected as BAD_USER_INPUT.
 */
export async function queryPage(query: PageQuery): Promise<Page> {
  const onGsi = query.index === 'gsi1';
  const partitionName = onGsi ? TABLE_SCHEMA.gsi1.partitionKey : TABLE_SCHEMA.partitionKey;
  const keyFields = onGsi
    ? (['pk', 'sk', TABLE_SCHEMA.gsi1.partitionKey, TABLE_SCHEMA.gsi1.sortKey] as const)
    : (['pk', 'sk'] as const);
  let exclusiveStartKey: Record<string, string> | undefined;
  if (query.after) {
    exclusiveStartKey = decodeCursor(query.after, keyFields);
    if (exclusiveStartKey[partitionName] !== query.partition) {
      throw badUserInput('"after" is a cursor of another list.', 'after');
    }
  }
  const output = await query.client.send(
    new QueryCommand({
      TableName: query.tableName,
      ...(onGsi ? { IndexName: TABLE_SCHEMA.gsi1.indexName } : {}),
      KeyConditionExpression: '#partition = :partition',
      ExpressionAttributeNames: { '#partition': partitionName },
      ExpressionAttributeValues: { ':partition': query.partition },
      ScanIndexForward: !(query.newestFirst ?? true),
      Limit: query.first + 1,
      ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
    }),
  );
  const all = output.Items ?? [];
  const items = all.slice(0, query.first);
  return {
    items,
    cursors: items.map((item) =>
      encodeCursor(Object.fromEntries(keyFields.map((field) => [field, item[field]]))),
    ),
    hasNextPage: all.length > query.first,
  };
}

/** Shapes a page as a GraphQL connection (`edges { cursor node }`, `pageInfo`). */
export function toConnection<T>(page: Page, toNode: (item: Item) => T) {
  return {
    edges: page.items.map((item, index) => ({
      cursor: page.cursors[index] ?? '',
      node: toNode(item),
    })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
  };
}
