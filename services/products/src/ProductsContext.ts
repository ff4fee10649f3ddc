import type { BaseContext } from '@stack/kit';
import type { ProductsRepository } from './ProductsRepository.js';

/** The per-request context of the products subgraph. */
export interface ProductsContext extends BaseContext {
  readonly products: ProductsRepository;
}
