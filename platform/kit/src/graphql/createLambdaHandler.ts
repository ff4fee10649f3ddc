import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { verifyIdentity } from '../identity/routerSignature.js';
import { serviceLogger } from '../observability/logger.js';
import { MetricUnit, serviceMetrics } from '../observability/metrics.js';
import { enableTracing } from '../observability/tracer.js';
import type { BaseContext, Subgraph } from './createSubgraph.js';
import { handleHttpRequest } from './handleHttpRequest.js';
import {
  isDirectInvokeEvent,
  type DirectInvokeEvent,
  type SubgraphResponse,
} from './SubgraphRequest.js';

export type SubgraphLambdaEvent = APIGatewayProxyEventV2 | DirectInvokeEvent;
export type SubgraphLambdaResult = APIGatewayProxyStructuredResultV2 | SubgraphResponse;
type InvocationContext = Pick<Context, 'awsRequestId'>;

const FORBIDDEN: SubgraphResponse = {
  errors: [
    { message: 'Subgraphs only accept calls from the router.', extensions: { code: 'FORBIDDEN' } },
  ],
};

/**
 * The Lambda entry of a subgraph. It answers the router's direct invocation (the default:
 * no second API Gateway hop) and API Gateway v2 HTTP events; both require the router's
 * signature of the caller's identity. Each invocation logs with its request id and publishes
 * `GraphQLRequests` and `GraphQLErrors` metrics (CloudWatch EMF).
 *
 * `routerSecret` is awaited at the start of every invocation (it caches what it resolved, see
 * `routerSecret()`); when it rejects, the invocation fails with the error logged, and the next
 * one asks again.
 */
export function createLambdaHandler<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  routerSecret: () => Promise<string>,
): (event: SubgraphLambdaEvent, context?: InvocationContext) => Promise<SubgraphLambdaResult> {
  const logger = serviceLogger(subgraph.name);
  const metrics = serviceMetrics(subgraph.name);

  const answer = async (
    event: SubgraphLambdaEvent,
    secret: string,
    context?: InvocationContext,
  ): Promise<SubgraphLambdaResult> => {
    if (isDirectInvokeEvent(event)) {
      const identity = verifyIdentity(event, secret);
      if (!identity) return FORBIDDEN;
      return (await subgraph.execute(event.request, identity, context?.awsRequestId)).body;
    }
    const body = event.body ?? '';
    return handleHttpRequest(
      subgraph,
      {
        method: event.requestContext.http.method,
        headers: event.headers,
        body: event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body,
        requestId: context?.awsRequestId ?? event.requestContext.requestId,
      },
      secret,
    );
  };

  return async (event, context) => {
    await enableTracing(subgraph.name);
    logger.appendKeys({ requestId: context?.awsRequestId });
    try {
      let secret: string;
      try {
        secret = await routerSecret();
      } catch (error) {
        logger.error(
          'No router secret to verify the caller with; failing this invocation',
          error as Error,
        );
        throw error;
      }
      const result = await answer(event, secret, context);
      const errors = 'errors' in result && Array.isArray(result.errors) ? result.errors.length : 0;
      metrics.addMetric('GraphQLRequests', MetricUnit.Count, 1);
      metrics.addMetric('GraphQLErrors', MetricUnit.Count, errors);
      return result;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
