import { entityKey, type Item, type ItemKey } from '@stack/kit';

/** The service name, which prefixes every key this service writes (IAM allows no other). */
export const SERVICE = 'analytics';

/**
 * Per product: how many ratings it has and their sum. The products service reads these items by
 * key (its `readsFrom: [analytics]`), so the key and the two counters are a contract between
 * the services: `analytics#ProductRating#<productId>`, `ratingCount`, `ratingSum`.
 */
export const PRODUCT_RATING_ENTITY = 'ProductRating';

/** One per applied event: `_` keeps these private, so they never become events themselves. */
export const APPLIED_ENTITY = '_Applied';

/**
 * How long an applied-event marker is kept: well past anything that can deliver the event again
 * (EventBridge retries for 24 h, SQS and its DLQ keep a message 14 days). The table's TTL
 * deletes it afterwards.
 */
export const APPLIED_MARKER_DAYS = 30;

/** A product's rating totals. */
export interface ProductRating {
  readonly productId: string;
  readonly ratingCount: number;
  readonly ratingSum: number;
}

/** The key of a product's rating totals. */
export function productRatingKey(productId: string): ItemKey {
  return entityKey(SERVICE, PRODUCT_RATING_ENTITY, productId);
}

/** The key of the marker saying an event was applied. */
export function appliedKey(eventId: string): ItemKey {
  return entityKey(SERVICE, APPLIED_ENTITY, eventId);
}

/** Reads rating totals from a table item. */
export function productRatingFromItem(item: Item): ProductRating {
  return {
    productId: String(item.productId),
    ratingCount: Number(item.ratingCount ?? 0),
    ratingSum: Number(item.ratingSum ?? 0),
  };
}
