import type {
  APIGatewayProxyStructuredResultV2,
  APIGatewayRequestAuthorizerEventV2,
} from 'aws-lambda';
import type { RouterEvent } from '@stack/router';
import type { LambdaHandler } from '../cloudformation/loadHandler.js';
import { startApiEdge, type ApiEdge } from './startApiEdge.js';

/** The API of a stage run from its bundles: the edge in front of two Lambda handlers. */
export interface BundledApi {
  readonly url: string;
  readonly edge: ApiEdge;
  close(): Promise<void>;
}

/** The functions behind the edge, each a Lambda handler loaded from its bundle. */
export interface BundledApiOptions {
  readonly authorizer: LambdaHandler;
  readonly router: LambdaHandler;
  readonly port?: number;
}

/**
 * The local API edge over the authorizer's and router's Lambda handlers (`--bundled`): each
 * request is the API Gateway v2 authorizer event, then the proxy event, as in the cloud. The
 * router reaches the subgraphs the way its template's environment says (Lambda Invoke of each
 * subgraph function, served by the local Lambda endpoint), so no subgraph is built here.
 */
export async function startBundledApi(options: BundledApiOptions): Promise<BundledApi> {
  const edge = await startApiEdge(
    {
      authorizer: async (event: APIGatewayRequestAuthorizerEventV2) =>
        (await options.authorizer(event)) as {
          isAuthorized: boolean;
          context?: Record<string, unknown>;
        },
      router: async (event: RouterEvent) =>
        (await options.router(event)) as APIGatewayProxyStructuredResultV2,
    },
    options.port !== undefined ? { port: options.port } : {},
  );
  return { url: edge.url, edge, close: () => edge.close() };
}
