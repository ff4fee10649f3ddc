import { describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { DocumentCache } from '../../src/execution/DocumentCache.js';
import { noIntrospectionRule } from '../../src/execution/noIntrospectionRule.js';
import { prepareDocument, type PreparedDocument } from '../../src/execution/prepareDocument.js';
import { limitRules } from '../../src/limits/index.js';
import { sha256Hex } from '../../src/trustedDocuments/sha256Hex.js';

const schema = buildSchema('type Query { book(id: ID!): Book } type Book { title: String }');

function rules(options: { production: boolean; maxTokens?: number }) {
  return {
    schema,
    validationRules: [
      ...(options.production ? [noIntrospectionRule] : []),
      ...limitRules({ maxDepth: 2, maxAliases: 30, maxCost: 5000 }),
    ],
    maxTokens: options.maxTokens ?? 100,
    hideSuggestions: options.production,
  };
}

describe('Function: prepareDocument', () => {
  it('parses and validates a document once, then answers repeats from the cache', () => {
    // Prepare
    const cache = new DocumentCache<PreparedDocument>(10_000);
    const query = '{ book(id: "1") { title } }';

    // Act
    const first = prepareDocument(query, rules({ production: false }), cache);
    const second = prepareDocument(query, rules({ production: false }), cache);

    // Assess: the same parsed document, keyed for the gateway by the text's sha256
    expect(second).toBe(first);
    expect(first).toMatchObject({ queryHash: sha256Hex(query) });
    expect(cache.size).toBe(1);
  });

  it('caches no document it refuses', () => {
    const cache = new DocumentCache<PreparedDocument>(10_000);
    for (const query of ['{ book(id: "1") { title }', '{ bok }', '{ book(id: "1") { title } }'])
      prepareDocument(query, rules({ production: false, maxTokens: 5 }), cache);
    expect(cache.size).toBe(0);
  });

  it('reports a syntax error as GRAPHQL_PARSE_FAILED and a token flood before parsing it all', () => {
    const cache = new DocumentCache<PreparedDocument>(10_000);
    const broken = prepareDocument('{ book(', rules({ production: false }), cache);
    const flood = prepareDocument(
      `{ ${'a: book(id: "1") { title } '.repeat(50)} }`,
      rules({ production: false }),
      cache,
    );
    expect(broken).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
    expect(flood).toMatchObject({
      errors: [{ message: expect.stringContaining('more that 100 tokens') as unknown }],
    });
  });

  it('keeps a query limit code next to GRAPHQL_VALIDATION_FAILED for formatRouterError', () => {
    const cache = new DocumentCache<PreparedDocument>(10_000);
    const outcome = prepareDocument(
      '{ book(id: "1") { title } }',
      {
        ...rules({ production: false }),
        validationRules: limitRules({ maxDepth: 1, maxAliases: 30, maxCost: 5000 }),
      },
      cache,
    );
    if (!('errors' in outcome)) throw new Error('expected the depth limit to refuse it');
    const [error] = outcome.errors;
    expect(error?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(
      (error?.originalError as { extensions?: unknown } | undefined)?.extensions,
    ).toMatchObject({ code: 'QUERY_TOO_DEEP' });
  });

  it('hides field suggestions and refuses introspection in production only', () => {
    const cache = new DocumentCache<PreparedDocument>(10_000);
    const message = (production: boolean, query: string) => {
      const outcome = prepareDocument(query, rules({ production }), cache);
      return 'errors' in outcome ? outcome.errors[0]?.message : 'accepted';
    };
    expect(message(false, '{ bok(id: "1") { title } }')).toContain('Did you mean "book"?');
    expect(message(true, '{ bok(id: "1") { title } }')).toBe(
      'Cannot query field "bok" on type "Query".',
    );
    expect(message(false, '{ __schema { queryType { name } } }')).toBe('accepted');
    expect(message(true, '{ __type(name: "Book") { name } }')).toMatch(
      /introspection is not allowed/,
    );
  });
});
