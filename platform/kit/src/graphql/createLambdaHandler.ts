import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { verifyIdentity } from '../identity/routerSignature.js';
import type { BaseContext, Subgraph } from './createSubgraph.js';
import { handleHttpRequest } from './handleHttpRequest.js';
import {
  isDirectInvokeEvent,
  type DirectInvokeEvent,
  type SubgraphResponse,
} from './SubgraphRequest.js';

export type SubgraphLambdaEvent = APIGatewayProxyEventV2 | DirectInvokeEvent;
export type SubgraphLambdaResult = APIGatewayProxyStructuredResultV2 | SubgraphResponse;

/**
 * The Lambda entry of a subgraph. It answers the router's direct invocation (the default:
 * no second API Gateway hop) and API Gateway v2 HTTP events; both require the router's
 * signature of the caller's identity.
 */
export function createLambdaHandler<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  routerSecret: () => string,
): (
  event: SubgraphLambdaEvent,
  context?: Pick<Context, 'awsRequestId'>,
) => Promise<SubgraphLambdaResult> {
  return async (event, context) => {
    if (isDirectInvokeEvent(event)) {
      const identity = verifyIdentity(event, routerSecret());
      if (!identity) {
        return {
          errors: [
            {
              message: 'Subgraphs only accept calls from the router.',
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        };
      }
      return (await subgraph.execute(event.request, identity, context?.awsRequestId)).body;
    }
    const body = event.body ?? '';
    const response = await handleHttpRequest(
      subgraph,
      {
        method: event.requestContext.http.method,
        headers: event.headers,
        body: event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body,
        requestId: context?.awsRequestId ?? event.requestContext.requestId,
      },
      routerSecret(),
    );
    return response;
  };
}
