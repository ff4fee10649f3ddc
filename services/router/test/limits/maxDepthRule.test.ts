import { describe, expect, it } from '@jest/globals';
import { parse, specifiedRules, validate } from 'graphql';
import { maxDepthRule } from '../../src/limits/maxDepthRule.js';
import { catalogSchema } from './catalogSchema.js';
import { deepQuery } from './deepQuery.js';

describe('Function: maxDepthRule', () => {
  it('rejects a 30-deep query with QUERY_TOO_DEEP, its depth and the limit', () => {
    // Prepare
    const document = parse(deepQuery(30));

    // Act
    const errors = validate(catalogSchema, document, [maxDepthRule(12)]);

    // Assess
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('The operation has depth 30, more than the limit of 12.');
    expect(errors[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 30, limit: 12 });
    expect(errors[0]?.nodes).toEqual([document.definitions[0]]);
  });

  it('accepts a valid 6-deep query', () => {
    // Prepare
    const document = parse(deepQuery(6));

    // Act
    const errors = validate(catalogSchema, document, [...specifiedRules, maxDepthRule(12)]);

    // Assess
    expect(errors).toEqual([]);
  });

  it('accepts a query exactly as deep as the limit and rejects one level more', () => {
    // Act
    const atLimit = validate(catalogSchema, parse(deepQuery(12)), [maxDepthRule(12)]);
    const overLimit = validate(catalogSchema, parse(deepQuery(13)), [maxDepthRule(12)]);

    // Assess
    expect(atLimit).toEqual([]);
    expect(overLimit[0]?.extensions).toMatchObject({ depth: 13 });
  });

  it('names the operation and its kind in the message', () => {
    // Prepare
    const document = parse(`query Deep ${deepQuery(5)}`);

    // Act
    const errors = validate(catalogSchema, document, [maxDepthRule(3)]);

    // Assess
    expect(errors[0]?.message).toBe('Query "Deep" has depth 5, more than the limit of 3.');
  });

  it('reports only the operations over the limit, one error each', () => {
    // Prepare
    const document = parse(`query Deep ${deepQuery(8)} query Shallow ${deepQuery(2)}`);

    // Act
    const errors = validate(catalogSchema, document, [maxDepthRule(4)]);

    // Assess
    expect(errors).toHaveLength(1);
    expect(errors[0]?.nodes).toEqual([document.definitions[0]]);
  });

  it('counts the depth inside named fragments and inline fragments', () => {
    // Prepare: me(1) reviews(2) edges(3) node(4) rating(5), the last three inside fragments.
    const document = parse(`
      query Nested { me { ...UserReviews } }
      fragment UserReviews on User {
        reviews { edges { ... on ReviewEdge { node { ...ReviewRating } } } }
      }
      fragment ReviewRating on Review { rating }
    `);

    // Act
    const atLimit = validate(catalogSchema, document, [...specifiedRules, maxDepthRule(5)]);
    const overLimit = validate(catalogSchema, document, [maxDepthRule(4)]);

    // Assess
    expect(atLimit).toEqual([]);
    expect(overLimit[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 5 });
  });

  it('does not count __typename as a level', () => {
    // Prepare
    const document = parse('{ me { __typename } __typename }');

    // Act
    const errors = validate(catalogSchema, document, [maxDepthRule(1)]);

    // Assess
    expect(errors).toEqual([]);
  });

  it('stops at cyclic fragments and leaves reporting the cycle to graphql', () => {
    // Prepare: A → B → A; each pass through the pair adds reviews, edges, node, author.
    const document = parse(`
      { me { ...A } }
      fragment A on User { reviews { edges { ...B } } }
      fragment B on ReviewEdge { node { author { ...A } } }
    `);

    // Act
    const errors = validate(catalogSchema, document, [...specifiedRules, maxDepthRule(4)]);

    // Assess: the walk stops where the cycle closes, after me + 4 levels.
    expect(errors.map((error) => error.message)).toContain(
      'Cannot spread fragment "A" within itself via "B".',
    );
    expect(errors.find((error) => error.extensions['code'] === 'QUERY_TOO_DEEP')?.message).toBe(
      'The operation has depth 5, more than the limit of 4.',
    );
  });
});
