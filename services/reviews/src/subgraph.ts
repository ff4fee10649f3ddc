import { createSubgraph, documentClient, type SubgraphConfig } from '@stack/kit';
import { typeDefs } from './__generated__/typeDefs.js';
import { resolvers } from './resolvers.js';
import { SERVICE } from './ReviewRecord.js';
import type { ReviewsContext } from './ReviewsContext.js';
import { ReviewsRepository } from './ReviewsRepository.js';

/** Builds the reviews subgraph on the given table. */
export function createReviewsSubgraph(config: SubgraphConfig) {
  return createSubgraph<ReviewsContext>({
    name: SERVICE,
    typeDefs,
    resolvers,
    createContext: (base) => ({
      ...base,
      reviews: new ReviewsRepository(documentClient(), config.tableName),
    }),
  });
}
