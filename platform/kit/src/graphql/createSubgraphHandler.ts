import { readEnvironment } from '../config/readEnvironment.js';
import { SUBGRAPH_ENVIRONMENT } from '../config/subgraphEnvironment.js';
import type { BaseContext, Subgraph } from './createSubgraph.js';
import { createLambdaHandler } from './createLambdaHandler.js';

/** What a service's subgraph factory needs from the environment. */
export interface SubgraphConfig {
  readonly tableName: string;
}

/**
 * The whole `handler.ts` of a subgraph service: reads and validates the environment once at
 * cold start, builds the subgraph, and returns its Lambda handler.
 */
export function createSubgraphHandler<TContext extends BaseContext>(
  build: (config: SubgraphConfig) => Subgraph<TContext>,
  env: NodeJS.ProcessEnv = process.env,
) {
  const environment = readEnvironment(SUBGRAPH_ENVIRONMENT, env);
  const subgraph = build({ tableName: environment.TABLE_NAME });
  return createLambdaHandler(subgraph, () => environment.ROUTER_SHARED_SECRET);
}
