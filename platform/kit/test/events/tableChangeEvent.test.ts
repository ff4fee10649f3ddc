import { describe, expect, it } from '@jest/globals';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { MAX_DETAIL_BYTES, toTableChangeEvent } from '../../src/index.js';

function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  images: { newImage?: Record<string, unknown>; oldImage?: Record<string, unknown> },
  extra: Partial<DynamoDBRecord> = {},
): DynamoDBRecord {
  const item = images.newImage ?? images.oldImage ?? {};
  return {
    eventID: 'e-1',
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      ApproximateCreationDateTime: 1_790_000_000,
      Keys: marshall({ pk: item['pk'], sk: item['sk'] }) as never,
      ...(images.newImage && { NewImage: marshall(images.newImage) as never }),
      ...(images.oldImage && { OldImage: marshall(images.oldImage) as never }),
      SequenceNumber: '100',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...extra,
  };
}

const review = { pk: 'reviews#Review#r1', sk: 'Review', rating: 5, body: 'Great' };

describe('toTableChangeEvent', () => {
  it('names an insert <Entity>Created with the service as source and plain images', () => {
    // Act
    const event = toTableChangeEvent(record('INSERT', { newImage: review }));

    // Assess
    expect(event).toEqual({
      source: 'stack.reviews',
      detailType: 'ReviewCreated',
      detail: {
        service: 'reviews',
        entity: 'Review',
        change: 'Created',
        id: 'r1',
        keys: { pk: 'reviews#Review#r1', sk: 'Review' },
        newImage: review,
        eventId: 'e-1',
        changedAt: new Date(1_790_000_000_000).toISOString(),
        version: 1,
      },
    });
  });

  it('names updates and deletions, keeping both images', () => {
    const updated = toTableChangeEvent(
      record('MODIFY', { newImage: { ...review, rating: 4 }, oldImage: review }),
    );
    expect(updated?.detailType).toBe('ReviewUpdated');
    expect(updated?.detail.oldImage).toEqual(review);
    expect(updated?.detail.newImage).toMatchObject({ rating: 4 });

    const deleted = toTableChangeEvent(record('REMOVE', { oldImage: review }));
    expect(deleted?.detailType).toBe('ReviewDeleted');
    expect(deleted?.detail.newImage).toBeUndefined();
    expect(deleted?.detail.expired).toBeUndefined();
  });

  it('marks deletions by TTL as expired', () => {
    const event = toTableChangeEvent(
      record(
        'REMOVE',
        { oldImage: review },
        { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } },
      ),
    );
    expect(event?.detail.expired).toBe(true);
  });

  it('keeps ids that contain the separator, and index items get their own entity name', () => {
    const nested = toTableChangeEvent(
      record('INSERT', { newImage: { pk: 'reviews#ProductRecent#p1#x', sk: '2026#r1' } }),
    );
    expect(nested?.detailType).toBe('ProductRecentCreated');
    expect(nested?.detail.id).toBe('p1#x');
  });

  it('leaves out images too large for an event and says so', () => {
    // Prepare
    const large = { ...review, body: 'x'.repeat(MAX_DETAIL_BYTES) };

    // Act
    const event = toTableChangeEvent(record('INSERT', { newImage: large }));

    // Assess
    expect(event?.detail.truncated).toBe(true);
    expect(event?.detail.newImage).toBeUndefined();
    expect(event?.detail.keys.pk).toBe(review.pk);
  });

  it('skips records whose key follows no service convention', () => {
    expect(
      toTableChangeEvent(record('INSERT', { newImage: { pk: 'loose', sk: 'x' } })),
    ).toBeUndefined();
    expect(
      toTableChangeEvent(record('INSERT', { newImage: { pk: 'Reviews#Review#1', sk: 'x' } })),
    ).toBeUndefined();
    expect(
      toTableChangeEvent({ ...record('INSERT', { newImage: review }), eventName: undefined }),
    ).toBeUndefined();
  });
});
