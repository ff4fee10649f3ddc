import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse, type DocumentNode } from 'graphql';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApolloClient } from '../src/api/createApolloClient.js';
import type { WebConfig } from '../src/config/WebConfig.js';

// The registered text differs in layout from what graphql-js would print, so the test sees which
// one the client sends.
const TEXT =
  'query Titles { products(first: 1) { edges { node { id title __typename } __typename } __typename } }';
const HASH = 'a'.repeat(64);
const document = Object.assign(parse(TEXT), { __meta__: { hash: HASH } }) as DocumentNode;
const DATA = {
  products: {
    __typename: 'ProductConnection',
    edges: [{ __typename: 'ProductEdge', node: { __typename: 'Product', id: 'p1', title: 'Mug' } }],
  },
};

interface Received {
  readonly authorization: IncomingHttpHeaders['authorization'];
  readonly body: { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
}

// A GraphQL endpoint that, like the router, knows no hash until it has seen the full text.
let server: Server;
let received: Received[] = [];
let apiUrl = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(raw) as Received['body'];
      received.push({ authorization: request.headers.authorization, body });
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(
          body.query === undefined
            ? {
                errors: [
                  {
                    message: 'PersistedQueryNotFound',
                    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
                  },
                ],
              }
            : { data: DATA },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (stage: string): WebConfig => ({
  apiUrl,
  auth: { authority: 'http://127.0.0.1:1', clientId: 'web-app', scopes: 'openid' },
  stage,
});

describe('Function: createApolloClient', () => {
  it('sends the hash first, then the registered text when the router asks, with the token', async () => {
    // Prepare
    received = [];
    const client = createApolloClient(config('local'), { [HASH]: TEXT }, () => 'token-1');

    // Act
    const result = await client.query({ query: document, fetchPolicy: 'network-only' });

    // Assess
    expect(result.data).toEqual(DATA);
    expect(received.map((request) => request.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
    ]);
    expect(received.map((request) => request.body.extensions?.persistedQuery?.sha256Hash)).toEqual([
      HASH,
      HASH,
    ]);
    expect(received.map((request) => request.body.query)).toEqual([undefined, TEXT]);
  });

  it('never sends the text in production, and no authorization header when signed out', async () => {
    // Prepare
    received = [];
    const client = createApolloClient(config('production'), { [HASH]: TEXT }, () => undefined);

    // Act
    const outcome = client.query({ query: document, fetchPolicy: 'network-only' });

    // Assess
    await expect(outcome).rejects.toThrow('PersistedQueryNotFound');
    expect(received).toEqual([
      { authorization: undefined, body: expect.not.objectContaining({ query: expect.anything() }) },
    ]);
  });

  it('refuses a document that codegen did not hash', async () => {
    const client = createApolloClient(config('local'), {}, () => undefined);
    const unhashed = parse('query Other { products(first: 1) { __typename } }');
    await expect(client.query({ query: unhashed, fetchPolicy: 'network-only' })).rejects.toThrow(
      'not a generated persisted document',
    );
  });
});
