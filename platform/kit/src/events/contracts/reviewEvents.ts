import type { FieldReader } from './fieldReaders.js';
import { tableChangeContract } from './tableChangeContract.js';

/** The rating bounds reviews accepts, and so what its events may carry. */
export const REVIEW_RATING = { min: 1, max: 5 } as const;

/** The fields of a review item that its events promise (v1). */
export interface ReviewImage {
  readonly id: string;
  readonly productId: string;
  readonly authorId: string;
  /** 1 to 5. */
  readonly rating: number;
  readonly body: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

function reviewImage(item: FieldReader): ReviewImage {
  return {
    id: item.string('id'),
    productId: item.string('productId'),
    authorId: item.string('authorId'),
    rating: item.integer('rating', REVIEW_RATING),
    body: item.string('body'),
    createdAt: item.time('createdAt'),
  };
}

/** `ReviewCreated` from `stack.reviews`: a review was posted; `newImage` is the review. */
export const REVIEW_CREATED = tableChangeContract({
  service: 'reviews',
  entity: 'Review',
  change: 'Created',
  version: 1,
  image: reviewImage,
});

/** `ReviewDeleted` from `stack.reviews`: a review was removed; `oldImage` is the review. */
export const REVIEW_DELETED = tableChangeContract({
  service: 'reviews',
  entity: 'Review',
  change: 'Deleted',
  version: 1,
  image: reviewImage,
});

/** `detail` of a parsed ReviewCreated. */
export type ReviewCreatedDetail = ReturnType<typeof REVIEW_CREATED.parse>;
/** `detail` of a parsed ReviewDeleted. */
export type ReviewDeletedDetail = ReturnType<typeof REVIEW_DELETED.parse>;
