import { collectionKey, entityKey, timeOrderedKey, type Item } from '@stack/kit';

/** A review as stored in the table. */
export interface ReviewRecord {
  readonly id: string;
  readonly productId: string;
  readonly authorId: string;
  readonly rating: number;
  readonly body: string;
  readonly createdAt: string;
}

/** The service name, which prefixes every key this service writes. */
export const SERVICE = 'reviews';
export const REVIEW_ENTITY = 'Review';
/** Per product: the newest review ids, so first pages of many products load in one batch. */
export const RECENT_INDEX_ENTITY = 'ProductRecent';
/** How many review ids a product's recent index keeps. */
export const RECENT_INDEX_SIZE = 50;
/** GSI partition of all reviews of one product. */
export const productReviewsPartition = (productId: string) =>
  collectionKey(SERVICE, 'ProductReviews', productId);
/** Table partition of pointers to all reviews of one author. */
export const authorReviewsPartition = (authorId: string) =>
  collectionKey(SERVICE, 'UserReviews', authorId);

/** The table item of a review: its entity key plus the product-listing GSI keys. */
export function reviewItem(review: ReviewRecord): Item {
  return {
    ...entityKey(SERVICE, REVIEW_ENTITY, review.id),
    gsi1pk: productReviewsPartition(review.productId),
    gsi1sk: timeOrderedKey(review.createdAt, review.id),
    ...review,
  };
}

/** Reads a review from a table item. */
export function reviewFromItem(item: Item): ReviewRecord {
  return {
    id: String(item.id),
    productId: String(item.productId),
    authorId: String(item.authorId),
    rating: Number(item.rating),
    body: String(item.body),
    createdAt: String(item.createdAt),
  };
}

/** A product's recent-review index item. */
export interface RecentIndex {
  readonly productId: string;
  /** Newest first, at most RECENT_INDEX_SIZE (briefly more between a write and its trim). */
  readonly reviewIds: readonly string[];
  /** All reviews of the product, including those no longer in `reviewIds`. */
  readonly reviewCount: number;
}

/** Reads a recent index from a table item. */
export function recentIndexFromItem(item: Item): RecentIndex {
  return {
    productId: String(item.productId),
    reviewIds: Array.isArray(item.reviewIds) ? item.reviewIds.map(String) : [],
    reviewCount: Number(item.reviewCount ?? 0),
  };
}
