export { createProductsSubgraph } from './subgraph.js';
export { ProductsRepository } from './ProductsRepository.js';
export type { ProductRecord } from './ProductRecord.js';
export type { NewProduct } from './validateProductInput.js';
