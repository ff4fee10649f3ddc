import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';

/** Builds an HTTP API (payload format 2.0) authorizer event, as API Gateway sends for POST /graphql. */
export function authorizerEvent(
  headers: Record<string, string> = {},
  requestId = 'request-1',
): APIGatewayRequestAuthorizerEventV2 {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/$default/POST/graphql',
    // The API configures no identity source, so API Gateway sends none.
    identitySource: [],
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    cookies: [],
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      host: 'abcdef1234.execute-api.eu-west-1.amazonaws.com',
      'user-agent': 'jest',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abcdef1234',
      domainName: 'abcdef1234.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abcdef1234',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'jest',
      },
      requestId,
      routeKey: 'POST /graphql',
      stage: '$default',
      time: '12/Mar/2026:19:03:58 +0000',
      timeEpoch: 1_773_342_238_000,
    },
  };
}
