import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { IDENTITY_HEADER, SIGNATURE_HEADER, signIdentity } from '@stack/kit';
import { callerOf, type RouterContext } from '../RouterContext.js';
import { connectionPool, postJson, type PostedResponse } from './postJson.js';
import { describeFailure, SubgraphCallError } from './SubgraphCallError.js';

/**
 * Calls a subgraph over HTTP (the local topology), forwarding the caller's identity signed
 * with the router's secret and giving up after `timeoutMs`. Connections are kept alive
 * between calls.
 */
export class HttpDataSource implements GraphQLDataSource<RouterContext> {
  private readonly url: URL;
  private readonly pool = connectionPool();

  constructor(
    private readonly options: { name: string; url: string; secret: string; timeoutMs: number },
  ) {
    this.url = subgraphUrl(options.name, options.url);
  }

  async process({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const signed = signIdentity(callerOf(context).identity, this.options.secret);
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    let response: PostedResponse;
    try {
      response = await postJson(this.url, body, {
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signed.identity,
          [SIGNATURE_HEADER]: signed.signature,
        },
        timeoutMs: this.options.timeoutMs,
        pool: this.pool,
      });
    } catch (error) {
      throw new SubgraphCallError(
        this.options.name,
        describeFailure(error, this.options.timeoutMs),
      );
    }
    try {
      return JSON.parse(response.text) as GatewayGraphQLResponse;
    } catch {
      throw new SubgraphCallError(
        this.options.name,
        `HTTP ${response.status} with a body that is not JSON`,
      );
    }
  }
}

function subgraphUrl(name: string, url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new Error(`Subgraph "${name}" needs an http(s) URL, not "${url}"`);
  }
  return parsed;
}
