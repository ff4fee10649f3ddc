import { routerSecret, serviceLogger } from '@stack/kit';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { supergraphSdl } from './__generated__/supergraph.js';
import { createRouterFromEnvironment } from './createRouterFromEnvironment.js';
import { createRouterHandler, type RouterEvent } from './createRouterHandler.js';
import { readRouterEnvironment } from './environment.js';

const environment = readRouterEnvironment();
const secret = routerSecret(environment);
const handle = createRouterHandler(createRouterFromEnvironment(environment, supergraphSdl, secret));
const logger = serviceLogger('router');

/**
 * Lambda entry of the router behind the HTTP API and its authorizer. Built at cold start: the
 * environment is validated and the gateway loaded once. The signing secret is resolved before
 * the first request reaches the router (from SSM when ROUTER_SHARED_SECRET_PARAMETER names it);
 * if that fails, the invocation fails (API Gateway answers 500) and the next one tries again.
 */
export async function handler(event: RouterEvent): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    await secret();
  } catch (error) {
    logger.error('No router secret to sign identities with; failing this invocation', {
      requestId: event.requestContext.requestId,
      error: error as Error,
    });
    throw error;
  }
  return handle(event);
}
