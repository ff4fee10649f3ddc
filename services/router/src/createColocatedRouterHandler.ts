import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readColocatedRouterEnvironment } from './colocatedEnvironment.js';
import { createColocatedRouter, type SubgraphFactory } from './createColocatedRouter.js';
import { createRouterHandler, type RouterEvent } from './createRouterHandler.js';
import { supergraphSdl } from './__generated__/supergraph.js';

/**
 * The Lambda handler of a colocated router, over the committed supergraph and the given
 * subgraphs. The pipeline generates the entry that calls it with every subgraph instance of the
 * environment (pipelines/src/colocatedRouterEntry.ts).
 */
export function createColocatedRouterHandler(
  factories: Readonly<Record<string, SubgraphFactory>>,
): (event: RouterEvent) => Promise<APIGatewayProxyStructuredResultV2> {
  const environment = readColocatedRouterEnvironment();
  return createRouterHandler(createColocatedRouter(environment, supergraphSdl, factories));
}
