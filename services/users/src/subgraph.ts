import { createSubgraph, documentClient, type SubgraphConfig } from '@stack/kit';
import { typeDefs } from './__generated__/typeDefs.js';
import { resolvers } from './resolvers.js';
import { SERVICE } from './UserRecord.js';
import { UsersRepository } from './UsersRepository.js';
import type { UsersContext } from './UsersContext.js';

/** Builds the users subgraph on the given table. */
export function createUsersSubgraph(config: SubgraphConfig) {
  return createSubgraph<UsersContext>({
    name: SERVICE,
    typeDefs,
    resolvers,
    createContext: (base) => ({
      ...base,
      users: new UsersRepository(documentClient(), config.tableName),
    }),
  });
}
