import { createSubgraphHandler } from '@stack/kit';
import { createProductsSubgraph } from './subgraph.js';

/** Lambda entry of the products subgraph. */
export const handler = createSubgraphHandler(createProductsSubgraph);
