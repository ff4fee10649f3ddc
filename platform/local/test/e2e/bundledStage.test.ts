import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { join, sep } from 'node:path';
import type { LocalStage } from '../../src/index.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { startTestStage, type TestStage } from '../support/startTestStage.js';

// The bundled synthesis runs esbuild for every function (about 30 s on a 2-core machine),
// then DynamoDB Local (a JVM) starts.
jest.setTimeout(240_000);

const PRODUCTS_WITH_REVIEWS = `{
  me { name }
  products(first: 6) {
    edges { node { title reviews(first: 5) { edges { node { rating author { name } } } } } }
  }
}`;

interface ProductsPage {
  readonly me: { readonly name: string } | null;
  readonly products: {
    readonly edges: readonly {
      readonly node: {
        readonly title: string;
        readonly reviews: {
          readonly edges: readonly {
            readonly node: { readonly rating: number; readonly author: { readonly name: string } };
          }[];
        };
      };
    }[];
  };
}

// `stack dev --bundled`: every function from its esbuild bundle in the synthesized cdk.out.
describe('the local stage run from its bundles (stack dev --bundled)', () => {
  let testStage: TestStage;
  let stage: LocalStage;
  let bundles: string;
  const steps: string[] = [];

  beforeAll(async () => {
    testStage = await startTestStage({
      name: 'stack-bundled',
      bundled: true,
      onStep: (step) => steps.push(step),
    });
    stage = testStage.stage;
    bundles = join(testStage.root, '.stack', 'cdk.out', 'local-bundled');
  });

  afterAll(async () => {
    await (testStage as TestStage | undefined)?.stop();
  });

  it('answers a signed-in query across two subgraphs through the API edge, from the bundles', async () => {
    // Act: edge → authorizer → router → (Lambda Invoke, in parallel) users and products
    const { status, body } = await postGraphQL(
      stage.manifest.api,
      { query: '{ me { name } products(first: 6) { edges { node { title } } } }' },
      stage.manifest.tokens['alice'],
    );

    // Assess
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    const page = body.data as unknown as ProductsPage;
    expect(page.me).toEqual({ name: 'Alice Andersen' });
    expect(page.products.edges.map((edge) => edge.node.title)).toContain('Stovetop kettle');
  });

  // Only the bundles run this query plan's Sequence through the stand-in for
  // @apollo/usage-reporting-protobuf (stack-env bundling/): its repeated fields must be arrays.
  it('answers a signed-in federated query (products, reviews, authors), from the bundles', async () => {
    // Act: edge → authorizer → router → products, then reviews, then users
    const { status, body } = await postGraphQL(
      stage.manifest.api,
      { query: PRODUCTS_WITH_REVIEWS },
      stage.manifest.tokens['alice'],
    );

    // Assess
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    const page = body.data as unknown as ProductsPage;
    expect(page.me).toEqual({ name: 'Alice Andersen' });
    const kettle = page.products.edges.find((edge) => edge.node.title === 'Stovetop kettle');
    expect(kettle?.node.reviews.edges.map((edge) => edge.node)).toEqual(
      expect.arrayContaining([
        { rating: 5, author: { name: 'Alice Andersen' } },
        { rating: 4, author: { name: 'Bob Berg' } },
      ]),
    );
  });

  it('refuses a request without a valid token at the bundled authorizer', async () => {
    const { status } = await postGraphQL(stage.manifest.api, { query: '{ me { name } }' }, 'x.y.z');

    expect(status).toBe(401);
  });

  it('loaded every function it runs from an index.mjs asset of the synthesized stage', () => {
    // Assess: the handlers imported, by function, are the asset bundles esbuild wrote…
    const loaded = Object.fromEntries(stage.loadedEntries);
    const names = [
      'stack-local-products',
      'stack-local-reviews',
      'stack-local-users',
      'stack-local-analytics',
      'stack-local-notifications',
    ];
    for (const name of names) expect(loaded[name]).toBeDefined();
    const router = Object.keys(loaded).find((name) => /ApiRouter/.test(name));
    const authorizer = Object.keys(loaded).find((name) => /ApiAuthorizer/.test(name));
    expect({ router, authorizer }).toEqual({
      router: expect.any(String),
      authorizer: expect.any(String),
    });
    const bundle = new RegExp(
      `^${bundles.replaceAll(sep, '\\/')}\\/(assembly-local\\/)?asset\\.[0-9a-f]{64}\\/index\\.mjs$`,
    );
    for (const entry of Object.values(loaded)) expect(entry).toMatch(bundle);
    // …no source file was imported as a handler, and the resource table says the same.
    expect(Object.values(loaded).filter((entry) => entry.endsWith('.ts'))).toEqual([]);
    expect(stage.manifest.resources.runsFrom).toBe('bundles');
    expect(stage.manifest.resources.functions).toMatchObject(loaded);
    expect(stage.manifest.topology).toBe('distributed');
    expect(steps[0]).toMatch(/no reload on change/);
  });
});
