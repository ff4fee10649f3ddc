import { describe, expect, it } from '@jest/globals';
import { parse, specifiedRules, validate } from 'graphql';
import { costLimitRule } from '../../src/limits/costLimitRule.js';
import { catalogSchema } from './catalogSchema.js';

describe('Function: costLimitRule', () => {
  it('accepts a page of 50 products with 5 reviews each (cost 1202)', () => {
    // Prepare
    const document = parse(`{
      products(first: 50) {
        edges { node { title reviews(first: 5) { edges { node { rating author { name } } } } } }
      }
    }`);

    // Act
    const errors = validate(catalogSchema, document, [
      ...specifiedRules,
      costLimitRule({ maxCost: 5000 }),
    ]);

    // Assess
    expect(errors).toEqual([]);
  });

  it('rejects pages of 100 nested three deep with QUERY_TOO_COSTLY, the cost and the limit', () => {
    // Prepare: inner edges = 1 + 100 × 2 = 201, reviews 202, author 203, review node 205;
    // middle edges = 1 + 100 × 205 = 20501, reviews 20502, product node 20504;
    // outer edges = 1 + 100 × 20504 = 2050401, products 2050402.
    const document = parse(`{
      products(first: 100) { edges { node { title reviews(first: 100) { edges { node {
        rating author { reviews(first: 100) { edges { node { rating } } } }
      } } } } } }
    }`);

    // Act
    const errors = validate(catalogSchema, document, [costLimitRule({ maxCost: 5000 })]);

    // Assess
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('Estimated cost 2050402 exceeds the limit of 5000.');
    expect(errors[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 2050402, limit: 5000 });
    expect(errors[0]?.nodes).toEqual([document.definitions[0]]);
  });

  it('prices a variable page size with defaultListSize', () => {
    // Prepare: 1 + 1 + size × (node + title) = 22 at the default 10, 42 at 20.
    const document = parse(
      'query Page($first: Int) { products(first: $first) { edges { node { title } } } }',
    );

    // Act
    const withDefault = validate(catalogSchema, document, [costLimitRule({ maxCost: 22 })]);
    const withTwenty = validate(catalogSchema, document, [
      costLimitRule({ maxCost: 22, defaultListSize: 20 }),
    ]);

    // Assess
    expect(withDefault).toEqual([]);
    expect(withTwenty[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 42, limit: 22 });
  });

  it('does not loop on cyclic fragments', () => {
    // Prepare
    const document = parse(`
      { me { ...A } }
      fragment A on User { reviews(first: 2) { edges { node { author { ...A } } } } }
    `);

    // Act
    const errors = validate(catalogSchema, document, [
      ...specifiedRules,
      costLimitRule({ maxCost: 5000 }),
    ]);

    // Assess
    expect(errors.map((error) => error.message)).toEqual([
      'Cannot spread fragment "A" within itself.',
    ]);
  });
});
