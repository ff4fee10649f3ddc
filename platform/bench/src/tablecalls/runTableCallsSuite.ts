import { createTestTable } from '@stack/kit/testing';
import { startLocalApi } from '@stack/local';
import { postGraphQL } from '../graphql/postGraphQL.js';
import { listQuery } from '../graphql/listQuery.js';
import { ANONYMOUS_ONLY_AUTH } from '../infra/anonymousAuth.js';
import { atMost } from '../report/Target.js';
import { seedCatalogue } from '../seed/seedCatalogue.js';
import type { BenchContext } from '../suites/BenchContext.js';
import type { Figure, SuiteResult } from '../suites/SuiteResult.js';
import { expectedTableCalls } from './expectedTableCalls.js';
import type { TableCalls } from '@stack/kit/testing';
import { tableCallCounter } from './tableCallCounter.js';

/** Catalogue sizes: each gets its own table holding exactly that many products. */
export const TABLE_CALL_SIZES = [1, 10, 100] as const;
const REVIEWS_PER_PRODUCT = 5;

interface Row {
  readonly n: number;
  readonly calls: TableCalls<unknown>;
  readonly expected: number;
  readonly products: number;
  readonly reviews: number;
}

/**
 * Suite 3: table calls of `products(first: N)` with reviews and authors through the colocated
 * router, for catalogues of 1, 10 and 100 products, counted by DynamoDB command name.
 */
export async function runTableCallsSuite(context: BenchContext): Promise<SuiteResult> {
  const startedAt = new Date();
  await context.dynamoDb();
  const counter = tableCallCounter();
  const removeCounter = context.cleanup.add('the table call counter', () => counter.remove());
  const rows: Row[] = [];
  try {
    for (const n of TABLE_CALL_SIZES) {
      const tableName = await createTestTable(`bench-calls-${n}`);
      const seeded = await seedCatalogue({
        tableName,
        products: n,
        reviewsPerProduct: REVIEWS_PER_PRODUCT,
      });
      context.log(`tablecalls: seeded ${n} products with ${seeded.reviews} reviews`);
      const api = await startLocalApi({
        tableName,
        topology: 'colocated',
        auth: ANONYMOUS_ONLY_AUTH,
      });
      const stop = context.cleanup.add(`the colocated API on ${tableName}`, () => api.close());
      try {
        const query = listQuery(n);
        // The first request also plans the query; plans are cached, table reads are not.
        await postGraphQL(api.url, query);
        const calls = await counter.during(() => postGraphQL(api.url, query));
        if (calls.result.status !== 200 || calls.result.body.errors) {
          throw new Error(`products(first: ${n}) failed: ${calls.result.text.slice(0, 300)}`);
        }
        const products = listedProducts(calls.result.body.data);
        rows.push({
          n,
          calls,
          products: products.length,
          reviews: products.reduce((sum, count) => sum + count, 0),
          expected: expectedTableCalls({
            products: n,
            reviews: seeded.reviews,
            authors: seeded.authorIds.length,
          }),
        });
      } finally {
        await stop();
      }
    }
  } finally {
    await removeCounter();
  }

  const commands = [...new Set(rows.flatMap((row) => Object.keys(row.calls.byCommand)))].sort();
  const figures: Figure[] = rows.map((row) => ({
    label: `table calls for products(first: ${row.n})`,
    value: row.calls.total,
    unit: '',
    target: atMost(row.expected),
    note: 'target: 1 Query + one BatchGetItem per 100 keys of indexes, reviews and authors',
  }));
  const base = rows[0];
  const largest = rows.at(-1);
  return {
    name: 'tablecalls',
    title: 'Table calls per list query',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    tables: [
      {
        title: `products(first: N) with 5 reviews each and their authors, through the colocated router (${REVIEWS_PER_PRODUCT} reviews seeded per product)`,
        columns: ['N', 'products', 'reviews', ...commands, 'total', 'expected (chunks of 100)'],
        rows: rows.map((row) => [
          String(row.n),
          String(row.products),
          String(row.reviews),
          ...commands.map((command) => String(row.calls.byCommand[command] ?? 0)),
          String(row.calls.total),
          String(row.expected),
        ]),
      },
    ],
    figures,
    notes: [
      `Measured per N = ${rows.map((row) => row.n).join(', ')}: ${commands
        .map(
          (command) =>
            `${command} ${rows.map((row) => row.calls.byCommand[command] ?? 0).join(', ')}`,
        )
        .join('; ')}.`,
      base && largest && largest.calls.total === base.calls.total
        ? 'The count is constant.'
        : 'The Query (the product page) is one call whatever N is, and nothing is read per product. BatchGetItem takes at most 100 keys, so each of its three reads (recent-review indexes, reviews, authors) costs one call per 100 keys: at N = 100 the 500 reviews take 5 calls where 50 took 1. That growth is the chunking the target allows, not a call per item.',
    ],
  };
}

/** The number of reviews of each listed product. */
function listedProducts(data: Record<string, unknown> | null | undefined): number[] {
  const products = data?.products as
    { edges: { node: { reviews: { edges: unknown[] } } }[] } | undefined;
  return (products?.edges ?? []).map((edge) => edge.node.reviews.edges.length);
}
