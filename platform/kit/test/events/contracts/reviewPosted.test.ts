import { describe, expect, it } from '@jest/globals';
import {
  isReviewPosted,
  parseReviewPosted,
  REVIEW_EXCERPT_LENGTH,
  reviewExcerpt,
  reviewPostedMessage,
} from '../../../src/index.js';

const review = {
  id: 'r1',
  productId: 'p1',
  authorId: 'u1',
  rating: 5,
  body: 'Great lamp.',
  createdAt: '2026-11-27T10:00:00.000Z',
};

describe('Contract: ReviewPosted', () => {
  it('builds the message a review becomes, typed and versioned', () => {
    // Act
    const message = reviewPostedMessage(review);

    // Assess
    expect(message).toEqual({
      type: 'ReviewPosted',
      version: 1,
      reviewId: 'r1',
      productId: 'p1',
      authorId: 'u1',
      rating: 5,
      bodyExcerpt: 'Great lamp.',
      createdAt: '2026-11-27T10:00:00.000Z',
    });
    expect(parseReviewPosted(JSON.parse(JSON.stringify(message)))).toEqual(message);
    expect(isReviewPosted(message)).toBe(true);
    expect(isReviewPosted({ type: 'Other' })).toBe(false);
  });

  it('cuts a long body to an excerpt that fits the contract', () => {
    // Prepare
    const long = `${'é'.repeat(150)} ${'😀'.repeat(150)}`;

    // Act
    const excerpt = reviewExcerpt(long);

    // Assess
    expect(Array.from(excerpt)).toHaveLength(REVIEW_EXCERPT_LENGTH);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.startsWith('é'.repeat(150))).toBe(true);
    expect(() => reviewPostedMessage({ ...review, body: long })).not.toThrow();
  });

  it('rejects a message with a missing or wrong field, naming it', () => {
    const message = reviewPostedMessage(review);
    const withoutAuthor: Record<string, unknown> = { ...message };
    delete withoutAuthor.authorId;
    expect(() => parseReviewPosted(withoutAuthor)).toThrow(
      'ReviewPosted v1: message.authorId must be a non-empty string, got nothing',
    );
    expect(() => parseReviewPosted({ ...message, version: 2 })).toThrow(
      'ReviewPosted v1: message.version must be 1, got 2',
    );
    expect(() => parseReviewPosted({ ...message, rating: 0 })).toThrow(
      'message.rating must be an integer from 1 to 5, got 0',
    );
    expect(() => parseReviewPosted({ ...message, createdAt: 'yesterday' })).toThrow(
      'message.createdAt must be an ISO 8601 time, got "yesterday"',
    );
  });
});
