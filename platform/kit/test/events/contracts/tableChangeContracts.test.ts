import { describe, expect, it } from '@jest/globals';
import {
  EventContractError,
  PRODUCT_CREATED,
  REVIEW_CREATED,
  REVIEW_DELETED,
  TABLE_CHANGE_CONTRACTS,
  USER_CREATED,
  USER_UPDATED,
  toTableChangeEvent,
} from '../../../src/index.js';
import { streamRecord } from '../streamRecord.js';

const review = {
  pk: 'reviews#Review#r1',
  sk: 'Review',
  gsi1pk: 'reviews#ProductReviews#p1',
  gsi1sk: '2026-11-27T10:00:00.000Z#r1',
  id: 'r1',
  productId: 'p1',
  authorId: 'u1',
  rating: 4,
  body: 'Solid.',
  createdAt: '2026-11-27T10:00:00.000Z',
};

/** The detail the table-change publisher puts on the bus for a stream record. */
function publishedDetail(...args: Parameters<typeof streamRecord>): Record<string, unknown> {
  const event = toTableChangeEvent(streamRecord(...args));
  if (!event) throw new Error('the record was not published');
  // Through JSON, as the bus and the queue carry it.
  return JSON.parse(JSON.stringify(event.detail)) as Record<string, unknown>;
}

describe('Table change contracts', () => {
  it('parses what the publisher emits for a new review into a typed ReviewCreated', () => {
    // Prepare
    const detail = publishedDetail('INSERT', { newImage: review });

    // Act
    const parsed = REVIEW_CREATED.parse(detail);

    // Assess
    expect(parsed.version).toBe(1);
    expect(parsed.eventId).toBe('e-1');
    expect(parsed.newImage).toEqual({
      id: 'r1',
      productId: 'p1',
      authorId: 'u1',
      rating: 4,
      body: 'Solid.',
      createdAt: '2026-11-27T10:00:00.000Z',
    });
  });

  it('parses a deletion from its old image', () => {
    // Act
    const parsed = REVIEW_DELETED.parse(publishedDetail('REMOVE', { oldImage: review }));

    // Assess
    expect(parsed.change).toBe('Deleted');
    expect(parsed.oldImage.rating).toBe(4);
  });

  it('stamps every contracted event with its contract version', () => {
    for (const contract of TABLE_CHANGE_CONTRACTS) {
      const event = toTableChangeEvent(
        streamRecord(
          contract.change === 'Created'
            ? 'INSERT'
            : contract.change === 'Deleted'
              ? 'REMOVE'
              : 'MODIFY',
          { newImage: { pk: `${contract.service}#${contract.entity}#x`, sk: contract.entity } },
        ),
      );
      expect([event?.source, event?.detailType, event?.detail.version]).toEqual([
        contract.source,
        contract.detailType,
        contract.version,
      ]);
    }
  });

  it('names the contract and the field when a value is wrong', () => {
    // Prepare
    const detail = publishedDetail('INSERT', { newImage: { ...review, rating: 9 } });

    // Act / Assess
    expect(() => REVIEW_CREATED.parse(detail)).toThrow(
      new EventContractError(
        'ReviewCreated v1',
        'detail.newImage.rating',
        'must be an integer from 1 to 5, got 9',
      ),
    );
    expect(() => REVIEW_CREATED.parse(detail)).toThrow(
      'ReviewCreated v1: detail.newImage.rating must be an integer from 1 to 5, got 9',
    );
  });

  it('rejects a missing field, a missing image and another version', () => {
    const withoutProduct: Partial<typeof review> = { ...review };
    delete withoutProduct.productId;
    expect(() =>
      REVIEW_CREATED.parse(publishedDetail('INSERT', { newImage: withoutProduct })),
    ).toThrow('detail.newImage.productId must be a non-empty string, got nothing');
    expect(() => REVIEW_DELETED.parse(publishedDetail('INSERT', { newImage: review }))).toThrow(
      'ReviewDeleted v1: detail.change must be "Deleted", got "Created"',
    );
    expect(() =>
      REVIEW_CREATED.parse({ ...publishedDetail('INSERT', { newImage: review }), version: 2 }),
    ).toThrow('ReviewCreated v1: detail.version must be 1, got 2');
    expect(() => REVIEW_CREATED.parse('{}')).toThrow('detail must be an object, got "{}"');
  });

  it('accepts added fields (additive change) and a detail from before versions (v1)', () => {
    // Prepare
    const unversioned = publishedDetail('INSERT', { newImage: { ...review, helpfulVotes: 3 } });
    delete unversioned.version;

    // Act
    const parsed = REVIEW_CREATED.parse({ ...unversioned, newField: true });

    // Assess
    expect(parsed.version).toBe(1);
    expect(parsed.newImage).not.toHaveProperty('helpfulVotes');
  });

  it('reads products and users with their defaults', () => {
    const product = PRODUCT_CREATED.parse(
      publishedDetail('INSERT', {
        newImage: {
          pk: 'products#Product#p1',
          sk: 'Product',
          id: 'p1',
          title: 'Lamp',
          description: '',
          priceCents: 1299,
          currency: 'EUR',
          imageUrls: [],
          createdAt: '2026-11-27T10:00:00.000Z',
          ownerId: 'admin',
        },
      }),
    );
    expect(product.newImage).toMatchObject({ title: 'Lamp', description: '', priceCents: 1299 });

    const user = {
      pk: 'users#User#u1',
      sk: 'User',
      id: 'u1',
      name: 'Ada',
      createdAt: '2026-11-27T10:00:00.000Z',
    };
    expect(USER_CREATED.parse(publishedDetail('INSERT', { newImage: user })).newImage).toEqual({
      id: 'u1',
      name: 'Ada',
      emailNotifications: true,
      createdAt: '2026-11-27T10:00:00.000Z',
    });
    const updated = USER_UPDATED.parse(
      publishedDetail('MODIFY', {
        newImage: { ...user, emailNotifications: false, email: 'ada@example.com' },
        oldImage: user,
      }),
    );
    expect(updated.newImage).toMatchObject({ emailNotifications: false, email: 'ada@example.com' });
    expect(updated.oldImage.emailNotifications).toBe(true);
  });

  it('tells its events apart by source and detail-type', () => {
    expect(REVIEW_CREATED.matches({ source: 'stack.reviews', detailType: 'ReviewCreated' })).toBe(
      true,
    );
    expect(REVIEW_CREATED.matches({ source: 'stack.reviews', detailType: 'ReviewDeleted' })).toBe(
      false,
    );
    expect(REVIEW_CREATED.matches({ source: 'stack.users', detailType: 'ReviewCreated' })).toBe(
      false,
    );
  });
});
