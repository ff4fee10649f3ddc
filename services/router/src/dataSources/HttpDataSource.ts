import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { IDENTITY_HEADER, SIGNATURE_HEADER, signIdentity } from '@stack/kit';
import { callerOf, type RouterContext } from '../RouterContext.js';
import { describeFailure, SubgraphCallError } from './SubgraphCallError.js';

/**
 * Calls a subgraph over HTTP (the local topology), forwarding the caller's identity signed
 * with the router's secret and giving up after `timeoutMs`.
 */
export class HttpDataSource implements GraphQLDataSource<RouterContext> {
  constructor(
    private readonly options: { name: string; url: string; secret: string; timeoutMs: number },
  ) {}

  async process({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const signed = signIdentity(callerOf(context).identity, this.options.secret);
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signed.identity,
          [SIGNATURE_HEADER]: signed.signature,
        },
        body: JSON.stringify({
          query: request.query,
          variables: request.variables,
          operationName: request.operationName,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new SubgraphCallError(
        this.options.name,
        describeFailure(error, this.options.timeoutMs),
      );
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as GatewayGraphQLResponse;
    } catch {
      throw new SubgraphCallError(
        this.options.name,
        `HTTP ${response.status} with a body that is not JSON`,
      );
    }
  }
}
