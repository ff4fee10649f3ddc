import type {
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { Router } from './createRouter.js';
import { identityFromAuthorizer } from './identityFromAuthorizer.js';

/** The router's API Gateway v2 event, carrying the authorizer's context. */
export type RouterEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, unknown>>;

/** Wraps a router as an API Gateway v2 (HTTP API) Lambda handler. */
export function createRouterHandler(router: Router) {
  return async (event: RouterEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    const raw = event.body ?? '';
    return router.handle(
      {
        method: event.requestContext.http.method,
        headers: event.headers,
        body: event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw,
        search: event.rawQueryString ? `?${event.rawQueryString}` : '',
        requestId: event.requestContext.requestId,
      },
      identityFromAuthorizer(event.requestContext.authorizer?.lambda),
    );
  };
}
