import type { BaseContext } from '@stack/kit';
import type { ProductRatingsReader } from './ProductRatingsReader.js';
import type { ProductsRepository } from './ProductsRepository.js';

/** The per-request context of the products subgraph. */
export interface ProductsContext extends BaseContext {
  readonly products: ProductsRepository;
  /** Rating totals kept by the analytics service. */
  readonly ratings: ProductRatingsReader;
}
