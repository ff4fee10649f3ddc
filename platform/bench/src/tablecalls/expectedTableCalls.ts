import { BATCH_GET_LIMIT } from '@stack/kit';

/** What one list query reads, in items. */
export interface ListQueryReads {
  /** Products on the page. */
  readonly products: number;
  /** Reviews shown (up to `first` per product). */
  readonly reviews: number;
  /** Distinct review authors. */
  readonly authors: number;
}

/**
 * The table calls the list query should cost when nothing grows with N except BatchGetItem's
 * 100-key chunks: one Query for the product page, then one BatchGetItem per 100 keys for the
 * products' recent-review indexes, the reviews, and the authors (docs/graphql.md, Data access).
 */
export function expectedTableCalls(reads: ListQueryReads): number {
  const chunks = (keys: number) => Math.ceil(keys / BATCH_GET_LIMIT);
  return 1 + chunks(reads.products) + chunks(reads.reviews) + chunks(reads.authors);
}
