import { SNSClient } from '@aws-sdk/client-sns';
import { createSubgraph, documentClient, type SubgraphConfig } from '@stack/kit';
import { typeDefs } from './__generated__/typeDefs.js';
import { PushRegistry, pushApplicationsFrom, type PushApplications } from './PushRegistry.js';
import { resolvers } from './resolvers.js';
import { SERVICE } from './UserRecord.js';
import { UsersRepository } from './UsersRepository.js';
import type { UsersContext } from './UsersContext.js';

/** Push settings; by default from the environment (PUSH_PLATFORM_APPLICATION_<PLATFORM>). */
export interface UsersSubgraphOptions {
  readonly pushApplications?: PushApplications;
  readonly sns?: SNSClient;
}

/** Builds the users subgraph on the given table. */
export function createUsersSubgraph(config: SubgraphConfig, options: UsersSubgraphOptions = {}) {
  const push = new PushRegistry(
    options.sns ?? new SNSClient({}),
    options.pushApplications ?? pushApplicationsFrom(process.env),
  );
  return createSubgraph<UsersContext>({
    name: SERVICE,
    typeDefs,
    resolvers,
    createContext: (base) => ({
      ...base,
      users: new UsersRepository(documentClient(), config.tableName),
      push,
    }),
  });
}
