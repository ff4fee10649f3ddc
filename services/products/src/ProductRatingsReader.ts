import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { entityLoader, type Item } from '@stack/kit';

/** A product's ratings as the API shows them. */
export interface ProductRatingSummary {
  readonly ratingCount: number;
  /** Mean of the ratings; null when there are none. */
  readonly averageRating: number | null;
}

const NO_RATINGS: ProductRatingSummary = { ratingCount: 0, averageRating: null };

/**
 * Reads rating totals for the products of one request in BatchGetItem calls (one per 100
 * products), separate from products' own items: IAM allows a BatchGetItem only when every key
 * in it is under one granted prefix. One instance per request: it caches.
 */
export class ProductRatingsReader {
  private readonly loader;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    // The analytics service's per-product totals: `analytics#ProductRating#<productId>` with
    // `ratingCount` and `ratingSum` (services/analytics/src/ProductRatingRecord.ts); products
    // may read them by key (service.yaml `readsFrom: [analytics]`).
    this.loader = entityLoader({
      client,
      tableName,
      service: 'analytics',
      entity: 'ProductRating',
      fromItem: summaryOf,
    });
  }

  /** The ratings of a product (batched with every other lookup of the same tick). */
  async get(productId: string): Promise<ProductRatingSummary> {
    return (await this.loader.load(productId)) ?? NO_RATINGS;
  }
}

function summaryOf(item: Item): ProductRatingSummary {
  const count = Number(item.ratingCount ?? 0);
  const sum = Number(item.ratingSum ?? 0);
  // A deletion applied before its creation leaves the totals briefly below zero.
  if (!Number.isFinite(count) || count <= 0) return NO_RATINGS;
  return { ratingCount: count, averageRating: sum / count };
}
