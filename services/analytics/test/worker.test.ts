import { beforeAll, describe, expect, it } from '@jest/globals';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, isPrivateItemKey } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { appliedKey, createWorker, productRatingFromItem, productRatingKey } from '../src/index.js';
import { reviewEventBody, sqsRecord } from './reviewEvents.js';

describe('Worker: analytics (DynamoDB Local)', () => {
  let tableName: string;
  let handler: ReturnType<typeof createWorker>;

  beforeAll(async () => {
    tableName = await createTestTable('analytics');
    handler = createWorker({ tableName });
  });

  const totals = async (productId: string) => {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: tableName,
        Key: productRatingKey(productId),
        ConsistentRead: true,
      }),
    );
    return Item ? productRatingFromItem(Item) : undefined;
  };

  it('adds created reviews, subtracts deleted ones and counts a repeated event once', async () => {
    // Prepare
    const created = reviewEventBody('Created', { id: 'r1', productId: 'p1', rating: 5 });

    // Act
    const first = await handler({
      Records: [
        sqsRecord('m-1', created),
        sqsRecord('m-2', reviewEventBody('Created', { id: 'r2', productId: 'p1', rating: 2 })),
        sqsRecord('m-3', created),
      ],
    });
    const redelivered = await handler({ Records: [sqsRecord('m-4', created)] });
    const afterCreates = await totals('p1');
    await handler({
      Records: [
        sqsRecord('m-5', reviewEventBody('Deleted', { id: 'r2', productId: 'p1', rating: 2 })),
      ],
    });

    // Assess
    expect(first).toEqual({ batchItemFailures: [] });
    expect(redelivered).toEqual({ batchItemFailures: [] });
    expect(afterCreates).toEqual({ productId: 'p1', ratingCount: 2, ratingSum: 7 });
    expect(await totals('p1')).toEqual({ productId: 'p1', ratingCount: 1, ratingSum: 5 });
  });

  it('stays exact under 50 concurrent deliveries, each sent twice', async () => {
    // Prepare: ratings 1..5 ten times each; every event arrives in two different batches.
    const bodies = Array.from({ length: 50 }, (_, index) =>
      reviewEventBody('Created', { id: `c${index}`, productId: 'p2', rating: (index % 5) + 1 }),
    );
    const deliveries = [...bodies, ...bodies].map((body, index) => sqsRecord(`c-${index}`, body));
    const batches = Array.from({ length: 10 }, (_, batch) =>
      deliveries.filter((_, index) => index % 10 === batch),
    );

    // Act
    const responses = await Promise.all(batches.map((Records) => handler({ Records })));

    // Assess
    expect(responses.flatMap((response) => response.batchItemFailures)).toEqual([]);
    expect(await totals('p2')).toEqual({ productId: 'p2', ratingCount: 50, ratingSum: 150 });
  });

  it('marks each applied event with a private, expiring item', async () => {
    // Act
    await handler({
      Records: [
        sqsRecord(
          'm-6',
          reviewEventBody('Created', { id: 'r3', productId: 'p3', rating: 3 }, 'ev-3'),
        ),
      ],
    });

    // Assess
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName, Key: appliedKey('ev-3') }),
    );
    expect(Item?.pk).toBe('analytics#_Applied#ev-3');
    expect(isPrivateItemKey(String(Item?.pk))).toBe(true);
    const thirtyDays = 30 * 24 * 60 * 60;
    expect(Item?.expiresAt).toBeGreaterThan(Date.now() / 1000 + thirtyDays - 60);
  });

  it('fails a message that breaks the contract or is not a review event, writing nothing', async () => {
    // Prepare
    const badRating = reviewEventBody('Created', { id: 'r4', productId: 'p4', rating: 7 });
    const otherEvent = JSON.parse(
      reviewEventBody('Created', { id: 'r5', productId: 'p4', rating: 4 }),
    ) as Record<string, unknown>;
    otherEvent['detail-type'] = 'ProductCreated';

    // Act
    const response = await handler({
      Records: [
        sqsRecord('bad', badRating),
        sqsRecord('other', JSON.stringify(otherEvent)),
        sqsRecord('direct', '{"job":"reindex"}'),
        sqsRecord('good', reviewEventBody('Created', { id: 'r6', productId: 'p5', rating: 1 })),
      ],
    });

    // Assess
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual([
      'bad',
      'direct',
      'other',
    ]);
    expect(await totals('p4')).toBeUndefined();
    expect(await totals('p5')).toEqual({ productId: 'p5', ratingCount: 1, ratingSum: 1 });
  });
});
