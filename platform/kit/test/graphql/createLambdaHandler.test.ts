import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createSubgraph, type BaseContext } from '../../src/graphql/createSubgraph.js';
import { createLambdaHandler } from '../../src/graphql/createLambdaHandler.js';
import {
  IDENTITY_HEADER,
  SIGNATURE_HEADER,
  signIdentity,
} from '../../src/identity/routerSignature.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const secret = 's'.repeat(32);
const typeDefs =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { whoAmI: String }';
const subgraph = createSubgraph<BaseContext>({
  name: 'probe',
  typeDefs,
  resolvers: {
    Query: {
      whoAmI: (_root: unknown, _args: unknown, context: BaseContext) =>
        context.identity.userId ?? 'anonymous',
    },
  },
  createContext: (base) => base,
});
const handler = createLambdaHandler(subgraph, () => Promise.resolve(secret));
const alice = { userId: 'alice', groups: [], anonymous: false };

function httpEvent(headers: Record<string, string>, body: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '1',
      apiId: 'a',
      domainName: 'd',
      domainPrefix: 'd',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'r1',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  };
}

describe('Function: createLambdaHandler', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers the router’s signed direct invocation and publishes metrics', async () => {
    const result = await handler(
      {
        kind: 'stack.subgraph-request',
        request: { query: '{ whoAmI }' },
        ...signIdentity(alice, secret),
      },
      { awsRequestId: 'req-1' },
    );
    expect(result).toEqual({ data: { whoAmI: 'alice' } });
    const emf = written
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => '_aws' in line);
    expect(emf).toMatchObject({ GraphQLRequests: 1, GraphQLErrors: 0, service: 'probe' });
  });

  it('refuses a direct invocation with a bad signature', async () => {
    const result = await handler({
      kind: 'stack.subgraph-request',
      request: { query: '{ whoAmI }' },
      ...signIdentity(alice, 'other'.repeat(8)),
    });
    expect(result).toEqual({
      errors: [
        {
          message: 'Subgraphs only accept calls from the router.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it('answers a signed API Gateway v2 event and refuses an unsigned one with 403', async () => {
    const signed = signIdentity(alice, secret);
    const ok = await handler(
      httpEvent(
        {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signed.identity,
          [SIGNATURE_HEADER]: signed.signature,
        },
        '{"query":"{ whoAmI }"}',
      ),
    );
    expect(ok).toMatchObject({ statusCode: 200, body: '{"data":{"whoAmI":"alice"}}' });
    const refused = await handler(
      httpEvent({ 'content-type': 'application/json' }, '{"query":"{ whoAmI }"}'),
    );
    expect(refused).toMatchObject({ statusCode: 403 });
  });

  it('answers a syntax error with 400', async () => {
    const signed = signIdentity(alice, secret);
    const result = await handler(
      httpEvent(
        { [IDENTITY_HEADER]: signed.identity, [SIGNATURE_HEADER]: signed.signature },
        '{"query":"{ whoAmI"}',
      ),
    );
    expect(result).toMatchObject({ statusCode: 400 });
  });
});
