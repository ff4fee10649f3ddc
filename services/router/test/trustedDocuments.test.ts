import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ANONYMOUS } from '@stack/kit';
import { trustedDocuments as generatedDocuments } from '../src/__generated__/trustedDocuments.js';
import { createRouter, type Router } from '../src/createRouter.js';
import { createRouterFromEnvironment } from '../src/createRouterFromEnvironment.js';
import { InProcessDataSource } from '../src/dataSources/InProcessDataSource.js';
import { readRouterEnvironment } from '../src/environment.js';
import { fakeSupergraph } from './support/fakeSupergraph.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// The fixture manifest: what a web app's codegen would persist.
const BOOK_QUERY = 'query Book { book(id: "1") { title stars } }';
const DOCUMENTS: ReadonlyMap<string, string> = new Map([[sha256(BOOK_QUERY), BOOK_QUERY]]);
const AD_HOC = '{ book(id: "2") { title } }';

function routerFor(trustedOnly: boolean): Router {
  const { subgraphs, supergraphSdl } = fakeSupergraph({});
  return createRouter({
    supergraphSdl,
    production: true,
    trustedDocuments: { documents: DOCUMENTS, trustedOnly },
    dataSource: (name) =>
      new InProcessDataSource({ subgraph: subgraphs.get(name)!, timeoutMs: 1_000 }),
  });
}

type GraphQLBody = {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

async function post(router: Router, payload: Record<string, unknown>) {
  const response = await router.handle(
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    },
    ANONYMOUS,
  );
  return {
    status: response.statusCode,
    headers: response.headers,
    body: JSON.parse(response.body) as GraphQLBody,
  };
}

const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
const BOOK_DATA = { data: { book: { title: 'Title 1', stars: 4 } } };

describe('Router: trusted documents', () => {
  let router: Router | undefined;
  afterEach(async () => {
    await router?.stop();
    router = undefined;
  });

  for (const trustedOnly of [false, true]) {
    const mode = trustedOnly ? 'trusted-only' : 'open';

    it(`executes a known document sent by its hash alone (${mode} mode)`, async () => {
      router = routerFor(trustedOnly);
      const { status, body } = await post(router, { extensions: persisted(sha256(BOOK_QUERY)) });
      expect(status).toBe(200);
      expect(body).toEqual(BOOK_DATA);
    });

    it(`executes a manifest document sent with its hash and text (${mode} mode)`, async () => {
      router = routerFor(trustedOnly);
      const { body } = await post(router, {
        query: BOOK_QUERY,
        extensions: persisted(sha256(BOOK_QUERY)),
      });
      expect(body).toEqual(BOOK_DATA);
    });

    it(`refuses a hash that is not the sha256 of the query (${mode} mode)`, async () => {
      router = routerFor(trustedOnly);
      const { status, body } = await post(router, {
        query: AD_HOC,
        extensions: persisted(sha256(BOOK_QUERY)),
      });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.message).toBe('provided sha does not match query');
    });

    it(`refuses a persistedQuery of another version (${mode} mode)`, async () => {
      router = routerFor(trustedOnly);
      const { status, body } = await post(router, {
        extensions: { persistedQuery: { version: 2, sha256Hash: sha256(BOOK_QUERY) } },
      });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });
  }

  it('answers PERSISTED_QUERY_NOT_FOUND with HTTP 200 to an unknown hash, as Apollo clients expect', async () => {
    router = routerFor(false);
    const { status, headers, body } = await post(router, { extensions: persisted(sha256(AD_HOC)) });
    expect(status).toBe(200);
    expect(headers['cache-control']).toBe('private, no-cache, must-revalidate');
    expect(body.errors).toEqual([
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);
    // The client's retry with the text then runs, since open mode accepts ad-hoc documents.
    const retry = await post(router, { query: AD_HOC, extensions: persisted(sha256(AD_HOC)) });
    expect(retry.body).toEqual({ data: { book: { title: 'Title 2' } } });
  });

  it('accepts ad-hoc queries in open mode', async () => {
    router = routerFor(false);
    const { body } = await post(router, { query: AD_HOC });
    expect(body).toEqual({ data: { book: { title: 'Title 2' } } });
  });

  it('refuses ad-hoc queries in trusted-only mode before executing them, saying why', async () => {
    router = routerFor(true);
    for (const payload of [
      { query: AD_HOC },
      { query: AD_HOC, extensions: persisted(sha256(AD_HOC)) },
      { extensions: persisted(sha256(AD_HOC)) },
      // One character off a trusted document is another document.
      { query: `${BOOK_QUERY} ` },
    ]) {
      const { status, body } = await post(router, payload);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
      expect(body.errors?.[0]?.message).toContain(
        'production accepts only the GraphQL documents the web apps persisted',
      );
    }
  });

  it('accepts a manifest document sent as plain text in trusted-only mode', async () => {
    router = routerFor(true);
    const { body } = await post(router, { query: BOOK_QUERY });
    expect(body).toEqual(BOOK_DATA);
  });

  it('resolves a hash sent with GET (Apollo’s useGETForHashedQueries)', async () => {
    router = routerFor(true);
    const search = `?${new URLSearchParams({
      operationName: 'Book',
      extensions: JSON.stringify(persisted(sha256(BOOK_QUERY))),
    }).toString()}`;
    const response = await router.handle(
      { method: 'GET', headers: { 'apollo-require-preflight': 'true' }, body: '', search },
      ANONYMOUS,
    );
    expect(JSON.parse(response.body)).toEqual(BOOK_DATA);
  });
});

describe('Router: trusted documents from the environment', () => {
  it('reads TRUSTED_DOCUMENTS_ONLY, off by default', () => {
    const base = { ROUTER_SHARED_SECRET: 'x'.repeat(32) };
    expect(readRouterEnvironment(base).TRUSTED_DOCUMENTS_ONLY).toBe('false');
    expect(
      readRouterEnvironment({ ...base, TRUSTED_DOCUMENTS_ONLY: 'true' }).TRUSTED_DOCUMENTS_ONLY,
    ).toBe('true');
    expect(() => readRouterEnvironment({ ...base, TRUSTED_DOCUMENTS_ONLY: 'yes' })).toThrow(
      /TRUSTED_DOCUMENTS_ONLY/,
    );
  });

  it('refuses ad-hoc operations before any subgraph is called when the environment says trusted only', async () => {
    const { supergraphSdl } = fakeSupergraph({});
    const environment = readRouterEnvironment({
      ROUTER_SHARED_SECRET: 'x'.repeat(32),
      TRUSTED_DOCUMENTS_ONLY: 'true',
      SUBGRAPH_TOPOLOGY: 'http',
      // Nothing listens there: reaching a subgraph would fail differently.
      SUBGRAPH_URLS: JSON.stringify({
        books: 'http://127.0.0.1:9/graphql',
        reviews: 'http://127.0.0.1:9/graphql',
      }),
    });
    const router = createRouterFromEnvironment(environment, supergraphSdl);
    try {
      const { status, body } = await post(router, { query: AD_HOC });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    } finally {
      await router.stop();
    }
  });

  it('ships the web apps’ manifest with every hash matching its document', () => {
    for (const [hash, document] of generatedDocuments) expect(sha256(document)).toBe(hash);
  });
});
