import { createSubgraph, documentClient, type SubgraphConfig } from '@stack/kit';
import { typeDefs } from './__generated__/typeDefs.js';
import { SERVICE } from './ProductRecord.js';
import { ProductRatingsReader } from './ProductRatingsReader.js';
import type { ProductsContext } from './ProductsContext.js';
import { ProductsRepository } from './ProductsRepository.js';
import { resolvers } from './resolvers.js';

/** Builds the products subgraph on the given table. */
export function createProductsSubgraph(config: SubgraphConfig) {
  return createSubgraph<ProductsContext>({
    name: SERVICE,
    typeDefs,
    resolvers,
    createContext: (base) => ({
      ...base,
      products: new ProductsRepository(documentClient(), config.tableName),
      ratings: new ProductRatingsReader(documentClient(), config.tableName),
    }),
  });
}
