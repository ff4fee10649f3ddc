import { describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_LIMITS, limitRules } from '../../src/limits/index.js';
import { catalogSchema } from './catalogSchema.js';
import { deepQuery } from './deepQuery.js';

describe('Function: limitRules', () => {
  it('returns the depth, alias and cost rules', () => {
    // Act
    const rules = limitRules();

    // Assess
    expect(rules).toHaveLength(3);
  });

  it('lets the IDE introspection query through all three rules with the defaults', () => {
    // Prepare: counting its __schema subtree it is 15 deep, over maxDepth 12; the rules skip
    // meta-fields, which the router answers without calling a subgraph.
    const queries = [
      getIntrospectionQuery(),
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    ];

    // Act
    const errors = queries.map((query) =>
      validate(catalogSchema, parse(query, { maxTokens: DEFAULT_LIMITS.maxTokens }), [
        ...specifiedRules,
        ...limitRules(),
      ]),
    );

    // Assess
    expect(errors).toEqual([[], []]);
  });

  it('reports every limit an operation breaks', () => {
    // Prepare: 20 levels deep through 5 review lists of unstated size (10^5 reviews), and
    // aliased 31 times.
    const fields = Array.from({ length: 31 }, (_, index) => `a${index}: me { id }`);
    const query = `${deepQuery(20).slice(0, -1)} ${fields.join(' ')} }`;

    // Act
    const errors = validate(catalogSchema, parse(query), [...specifiedRules, ...limitRules()]);

    // Assess
    expect(errors.map((error) => error.extensions['code'])).toEqual([
      'QUERY_TOO_DEEP',
      'TOO_MANY_ALIASES',
      'QUERY_TOO_COSTLY',
    ]);
  });

  it('applies limits given instead of the defaults', () => {
    // Act
    const errors = validate(catalogSchema, parse(deepQuery(4)), [
      ...limitRules({ maxDepth: 3, maxAliases: 0, maxCost: 1 }),
    ]);

    // Assess
    expect(errors.map((error) => error.extensions['code'])).toEqual([
      'QUERY_TOO_DEEP',
      'QUERY_TOO_COSTLY',
    ]);
  });
});
