import { ANONYMOUS, signIdentity } from '@stack/kit';

/** The shared secret the measured router and subgraphs are started with. */
export const BENCH_ROUTER_SECRET = 'bench-router-shared-secret-0123456789abcdef';

/** A GraphQL query that needs no table and no subgraph: it measures start-up only. */
const TYPENAME_QUERY = '{ __typename }';

const requestContext = () => ({
  accountId: '000000000000',
  apiId: 'bench',
  domainName: 'bench.local',
  domainPrefix: 'bench',
  http: {
    method: 'POST',
    path: '/graphql',
    protocol: 'HTTP/1.1',
    sourceIp: '127.0.0.1',
    userAgent: 'stack-bench',
  },
  requestId: 'bench-cold-start',
  routeKey: 'POST /graphql',
  stage: '$default',
  time: new Date().toUTCString(),
  timeEpoch: Date.now(),
});

/** API Gateway (HTTP API, payload 2.0) proxy event for the router, from an anonymous caller. */
export function routerEvent(): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'bench.local' },
    requestContext: {
      ...requestContext(),
      authorizer: { lambda: { userId: '', username: '', groups: '', anonymous: 'true' } },
    },
    body: JSON.stringify({ query: TYPENAME_QUERY }),
    isBase64Encoded: false,
  };
}

/** The router's direct invocation of a subgraph, signed as the router signs it. */
export function subgraphEvent(): Record<string, unknown> {
  return {
    kind: 'stack.subgraph-request',
    request: { query: TYPENAME_QUERY },
    ...signIdentity(ANONYMOUS, BENCH_ROUTER_SECRET),
  };
}

/** The authorizer's event for a request without an Authorization header (anonymous). */
export function authorizerEvent(): Record<string, unknown> {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:eu-west-1:000000000000:bench/$default/POST/graphql',
    identitySource: [],
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    cookies: [],
    headers: { 'content-type': 'application/json' },
    requestContext: requestContext(),
  };
}

/** An SQS event source mapping's batch without records: the worker starts and answers, no table. */
export function workerEvent(): Record<string, unknown> {
  return { Records: [] };
}
