import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import type { RouterEvent } from '@stack/router';
import { randomUUID } from 'node:crypto';

/** What the local API edge knows about one incoming HTTP request. */
export interface EdgeRequest {
  readonly method: string;
  readonly path: string;
  readonly rawQueryString: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly sourceIp: string;
}

const ACCOUNT = '000000000000';
const API_ID = 'local';

function requestContext(request: EdgeRequest, requestId: string) {
  const now = Date.now();
  return {
    accountId: ACCOUNT,
    apiId: API_ID,
    domainName: request.headers.host ?? 'localhost',
    domainPrefix: 'localhost',
    http: {
      method: request.method,
      path: request.path,
      protocol: 'HTTP/1.1',
      sourceIp: request.sourceIp,
      userAgent: request.headers['user-agent'] ?? '',
    },
    requestId,
    routeKey: `${request.method} ${request.path}`,
    stage: '$default',
    time: new Date(now).toUTCString(),
    timeEpoch: now,
  };
}

/** The authorizer event API Gateway (HTTP API, payload 2.0) sends for this request. */
export function authorizerEvent(
  request: EdgeRequest,
  requestId: string,
): APIGatewayRequestAuthorizerEventV2 {
  const context = requestContext(request, requestId);
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:local:${ACCOUNT}:${API_ID}/$default/${request.method}${request.path}`,
    identitySource: [],
    routeKey: context.routeKey,
    rawPath: request.path,
    rawQueryString: request.rawQueryString,
    cookies: [],
    headers: request.headers,
    queryStringParameters: Object.fromEntries(new URLSearchParams(request.rawQueryString)),
    requestContext: context,
    pathParameters: {},
    stageVariables: {},
  };
}

/** The proxy event API Gateway sends to the integration, with the authorizer's context. */
export function integrationEvent(
  request: EdgeRequest,
  requestId: string,
  authorizerContext: Record<string, unknown>,
): RouterEvent {
  return {
    version: '2.0',
    routeKey: `${request.method} ${request.path}`,
    rawPath: request.path,
    rawQueryString: request.rawQueryString,
    headers: request.headers,
    queryStringParameters: Object.fromEntries(new URLSearchParams(request.rawQueryString)),
    requestContext: {
      ...requestContext(request, requestId),
      authorizer: { lambda: authorizerContext },
    },
    body: request.body,
    isBase64Encoded: false,
  };
}

/** A request id in API Gateway's style. */
export function newRequestId(): string {
  return randomUUID();
}
