import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA, TransactionCancelledError, transactWrite } from '@stack/kit';
import { APPLIED_MARKER_DAYS, appliedKey, productRatingKey } from './ProductRatingRecord.js';

/** One rating entering (+1) or leaving (-1) a product's totals, caused by one event. */
export interface RatingChange {
  /** The stable id of the causing change (`detail.eventId`, the stream record's id). */
  readonly eventId: string;
  readonly productId: string;
  readonly rating: number;
  readonly direction: 1 | -1;
}

/** What applying a change did. */
export type ApplyOutcome = 'applied' | 'duplicate';

/**
 * Adds a rating to (or removes it from) a product's totals exactly once per event.
 *
 * Why a transaction with a marker item rather than Powertools idempotency around an update:
 * Powertools writes its record, runs the update, then marks the record complete, in three
 * separate calls. A crash (or timeout) after the update and before "complete" leaves an
 * in-progress record that expires, and the redelivery adds the rating a second time. Here the
 * marker `analytics#_Applied#<eventId>` is created in the same TransactWriteItems as the `ADD`,
 * conditioned on not existing: both happen or neither does, so a duplicate delivery (by the
 * Pipe, EventBridge or SQS) fails the condition and changes nothing. `ADD` is atomic and
 * commutative, so concurrent deliveries and out-of-order Created/Deleted still sum correctly;
 * concurrent transactions on one product's item conflict, and `transactWrite` retries those.
 */
export async function applyRatingChange(
  client: DynamoDBDocumentClient,
  tableName: string,
  change: RatingChange,
  now = new Date(),
): Promise<ApplyOutcome> {
  const expiresAt = Math.floor(now.getTime() / 1000) + APPLIED_MARKER_DAYS * 24 * 60 * 60;
  try {
    await transactWrite(client, [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...appliedKey(change.eventId),
            productId: change.productId,
            appliedAt: now.toISOString(),
            [TABLE_SCHEMA.timeToLive]: expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: productRatingKey(change.productId),
          UpdateExpression:
            'SET productId = :productId, updatedAt = :now ADD ratingCount :count, ratingSum :sum',
          ExpressionAttributeValues: {
            ':productId': change.productId,
            ':now': now.toISOString(),
            ':count': change.direction,
            ':sum': change.direction * change.rating,
          },
        },
      },
    ]);
    return 'applied';
  } catch (error) {
    if (error instanceof TransactionCancelledError && error.failedCondition(0)) return 'duplicate';
    throw error;
  }
}
