import { createSubgraphHandler } from '@stack/kit';
import { createUsersSubgraph } from './subgraph.js';

/** Lambda entry of the users subgraph. */
export const handler = createSubgraphHandler(createUsersSubgraph);
