import { describe, expect, it } from '@jest/globals';
import { parse, specifiedRules, validate } from 'graphql';
import { maxAliasesRule } from '../../src/limits/maxAliasesRule.js';
import { catalogSchema } from './catalogSchema.js';

/** `{ a0: me { id } a1: me { id } … }` with `count` aliases. */
function aliasedQuery(count: number): string {
  const fields = Array.from({ length: count }, (_, index) => `a${index}: me { id }`);
  return `{ ${fields.join(' ')} }`;
}

describe('Function: maxAliasesRule', () => {
  it('rejects a 1000-alias query with TOO_MANY_ALIASES, the count and the limit', () => {
    // Prepare
    const document = parse(aliasedQuery(1000));

    // Act
    const errors = validate(catalogSchema, document, [maxAliasesRule(30)]);

    // Assess
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('The operation uses 1000 aliases, more than the limit of 30.');
    expect(errors[0]?.extensions).toEqual({ code: 'TOO_MANY_ALIASES', aliases: 1000, limit: 30 });
    expect(errors[0]?.nodes).toEqual([document.definitions[0]]);
  });

  it('accepts as many aliases as the limit', () => {
    // Prepare
    const document = parse(aliasedQuery(30));

    // Act
    const errors = validate(catalogSchema, document, [...specifiedRules, maxAliasesRule(30)]);

    // Assess
    expect(errors).toEqual([]);
  });

  it('counts the aliases of a fragment once per spread, since each spread executes them', () => {
    // Prepare: 2 aliases in Names, spread twice, plus 1 in an inline fragment = 5.
    const document = parse(`
      query Twice {
        me { ...Names }
        product(id: "1") { owner { ...Names } ... on Product { heading: title } }
      }
      fragment Names on User { first: name second: name }
    `);

    // Act
    const atLimit = validate(catalogSchema, document, [...specifiedRules, maxAliasesRule(5)]);
    const overLimit = validate(catalogSchema, document, [maxAliasesRule(4)]);

    // Assess
    expect(atLimit).toEqual([]);
    expect(overLimit[0]?.message).toBe('Query "Twice" uses 5 aliases, more than the limit of 4.');
  });

  it('stops at cyclic fragments instead of counting forever', () => {
    // Prepare
    const document = parse(`
      { me { ...A } }
      fragment A on User { first: name second: name reviews { edges { node { author { ...A } } } } }
    `);

    // Act
    const errors = validate(catalogSchema, document, [...specifiedRules, maxAliasesRule(1)]);

    // Assess
    expect(errors.map((error) => error.message)).toEqual([
      'The operation uses 2 aliases, more than the limit of 1.',
      'Cannot spread fragment "A" within itself.',
    ]);
  });

  it('counts fragments spread twice into each other, 40 deep, without walking 2^40 paths', () => {
    // Prepare: F0 … F39 each alias one field and spread the next fragment twice, so F(i)
    // executes 1 + 2 × F(i+1) aliases and the query 2^40 - 1.
    const fragments = Array.from(
      { length: 40 },
      (_, index) =>
        `fragment F${index} on User { alias: name ${index < 39 ? `...F${index + 1} ...F${index + 1}` : ''} }`,
    );
    const document = parse(`{ me { ...F0 } } ${fragments.join(' ')}`);

    // Act
    const errors = validate(catalogSchema, document, [maxAliasesRule(30)]);

    // Assess
    expect(errors[0]?.extensions).toEqual({
      code: 'TOO_MANY_ALIASES',
      aliases: 2 ** 40 - 1,
      limit: 30,
    });
  });
});
