import { createSubgraphHandler } from '@stack/kit';
import { createReviewsSubgraph } from './subgraph.js';

/** Lambda entry of the reviews subgraph. */
export const handler = createSubgraphHandler(createReviewsSubgraph);
