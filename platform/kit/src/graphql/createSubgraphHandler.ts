import { readEnvironment } from '../config/readEnvironment.js';
import { routerSecret } from '../config/routerSecret.js';
import { SUBGRAPH_ENVIRONMENT, SUBGRAPH_ENVIRONMENT_RULES } from '../config/subgraphEnvironment.js';
import type { BaseContext, Subgraph } from './createSubgraph.js';
import { createLambdaHandler } from './createLambdaHandler.js';

/** What a service's subgraph factory needs from the environment. */
export interface SubgraphConfig {
  readonly tableName: string;
}

/**
 * The whole `handler.ts` of a subgraph service: reads and validates the environment once at
 * cold start (TABLE_NAME, and exactly one of ROUTER_SHARED_SECRET or
 * ROUTER_SHARED_SECRET_PARAMETER), builds the subgraph, and returns its Lambda handler. A
 * secret kept in SSM is read at the first invocation, not at cold start.
 */
export function createSubgraphHandler<TContext extends BaseContext>(
  build: (config: SubgraphConfig) => Subgraph<TContext>,
  env: NodeJS.ProcessEnv = process.env,
) {
  const environment = readEnvironment(SUBGRAPH_ENVIRONMENT, env, SUBGRAPH_ENVIRONMENT_RULES);
  const subgraph = build({ tableName: environment.TABLE_NAME });
  return createLambdaHandler(subgraph, routerSecret(environment));
}
