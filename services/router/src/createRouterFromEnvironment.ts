import type { GraphQLDataSource } from '@apollo/gateway';
import { createRouter, type Router } from './createRouter.js';
import { HttpDataSource } from './dataSources/HttpDataSource.js';
import { LambdaDataSource } from './dataSources/LambdaDataSource.js';
import type { RouterEnvironment } from './environment.js';
import type { RouterContext } from './RouterContext.js';

/** Builds the router a deployed stage describes: data sources chosen by SUBGRAPH_TOPOLOGY. */
export function createRouterFromEnvironment(
  environment: RouterEnvironment,
  supergraphSdl: string,
): Router {
  const table =
    environment.SUBGRAPH_TOPOLOGY === 'http'
      ? environment.SUBGRAPH_URLS
      : environment.SUBGRAPH_FUNCTIONS;
  const dataSource = (name: string): GraphQLDataSource<RouterContext> => {
    const target = table[name];
    if (!target) {
      const variable =
        environment.SUBGRAPH_TOPOLOGY === 'http' ? 'SUBGRAPH_URLS' : 'SUBGRAPH_FUNCTIONS';
      throw new Error(
        `${variable} has no entry for subgraph "${name}" of the supergraph (has: ${Object.keys(table).join(', ') || 'none'})`,
      );
    }
    const common = {
      name,
      secret: environment.ROUTER_SHARED_SECRET,
      timeoutMs: environment.SUBGRAPH_TIMEOUT_MS,
    };
    return environment.SUBGRAPH_TOPOLOGY === 'http'
      ? new HttpDataSource({ ...common, url: target })
      : new LambdaDataSource({ ...common, functionName: target });
  };
  return createRouter({
    supergraphSdl,
    dataSource,
    production: environment.PRODUCTION === 'true',
    maxBodyBytes: environment.MAX_BODY_BYTES,
  });
}
