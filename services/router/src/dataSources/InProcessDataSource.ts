import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Subgraph } from '@stack/kit';
import { callerOf, type RouterContext } from '../RouterContext.js';
import { SubgraphCallError } from './SubgraphCallError.js';

/**
 * Runs a subgraph inside the router's process (the `colocated` topology for small
 * environments such as previews): no network hop, one Lambda for the whole API. Identity
 * needs no signature here, since nothing crosses a process boundary.
 */
export class InProcessDataSource implements GraphQLDataSource<RouterContext> {
  constructor(private readonly options: { subgraph: Subgraph; timeoutMs: number }) {}

  async process({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const { subgraph, timeoutMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SubgraphCallError(subgraph.name, `no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      const outcome = await Promise.race([
        subgraph.execute(
          {
            query: request.query ?? '',
            variables: request.variables ?? null,
            operationName: request.operationName ?? null,
          },
          callerOf(context).identity,
          callerOf(context).requestId,
        ),
        timeout,
      ]);
      return outcome.body;
    } finally {
      clearTimeout(timer);
    }
  }
}
