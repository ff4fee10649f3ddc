import { FieldReader } from './fieldReaders.js';
import { REVIEW_RATING } from './reviewEvents.js';

/** The `type` and version of the ReviewPosted message. */
export const REVIEW_POSTED = { type: 'ReviewPosted', version: 1 } as const;

/** The most characters of a review's body a ReviewPosted message carries, ellipsis included. */
export const REVIEW_EXCERPT_LENGTH = 200;

/**
 * ReviewPosted v1: the message the reviews service sends straight to the notifications queue
 * (SQS SendMessage, not the bus) after a review is stored, so the product's owner can be told.
 * `type` tells it apart from other messages on the queue; `version` is its major version.
 */
export interface ReviewPosted {
  readonly type: typeof REVIEW_POSTED.type;
  readonly version: typeof REVIEW_POSTED.version;
  readonly reviewId: string;
  readonly productId: string;
  readonly authorId: string;
  /** 1 to 5. */
  readonly rating: number;
  /** The start of the body, at most REVIEW_EXCERPT_LENGTH characters. */
  readonly bodyExcerpt: string;
  /** When the review was posted (ISO 8601). */
  readonly createdAt: string;
}

/** The start of a review body for a message: whole when short, else cut with an ellipsis. */
export function reviewExcerpt(body: string): string {
  const characters = Array.from(body.trim());
  if (characters.length <= REVIEW_EXCERPT_LENGTH) return characters.join('');
  return `${characters
    .slice(0, REVIEW_EXCERPT_LENGTH - 1)
    .join('')
    .trimEnd()}…`;
}

/** Builds the ReviewPosted message of a stored review (validated, so a bad one is not sent). */
export function reviewPostedMessage(review: {
  readonly id: string;
  readonly productId: string;
  readonly authorId: string;
  readonly rating: number;
  readonly body: string;
  readonly createdAt: string;
}): ReviewPosted {
  return parseReviewPosted({
    ...REVIEW_POSTED,
    reviewId: review.id,
    productId: review.productId,
    authorId: review.authorId,
    rating: review.rating,
    bodyExcerpt: reviewExcerpt(review.body),
    createdAt: review.createdAt,
  });
}

/** Whether a direct queue message says it is a ReviewPosted (of any version). */
export function isReviewPosted(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as Record<string, unknown>).type === REVIEW_POSTED.type
  );
}

/** Checks a direct queue message against ReviewPosted v1; throws EventContractError naming the field. */
export function parseReviewPosted(body: unknown): ReviewPosted {
  const message = FieldReader.of(
    `${REVIEW_POSTED.type} v${REVIEW_POSTED.version}`,
    'message',
    body,
  );
  return {
    type: message.literal('type', REVIEW_POSTED.type),
    version: message.literal('version', REVIEW_POSTED.version),
    reviewId: message.string('reviewId'),
    productId: message.string('productId'),
    authorId: message.string('authorId'),
    rating: message.integer('rating', REVIEW_RATING),
    bodyExcerpt: message.string('bodyExcerpt', { maxLength: REVIEW_EXCERPT_LENGTH }),
    createdAt: message.time('createdAt'),
  };
}
