import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { estimateCost } from '../../src/limits/estimateCost.js';
import { catalogSchema } from './catalogSchema.js';

/** A page of 50 products, each with its first 5 reviews and their authors' names. */
const REFERENCE_QUERY = `{
  products(first: 50) {
    edges { node { title reviews(first: 5) { edges { node { rating author { name } } } } } }
  }
}`;

/** Estimates a single-operation query with the default options unless given. */
function costOf(query: string, options: Parameters<typeof estimateCost>[2] = {}): number {
  return estimateCost(catalogSchema, parse(query), options)[0]?.cost ?? Number.NaN;
}

describe('Function: estimateCost', () => {
  it('estimates the reference query at 1202: 50 products × 24 each, plus the connection', () => {
    // Prepare: computed from the leaves up (each field 1, a list 1 + size × its selection):
    //   author { name } = 1 + 1 = 2;  review node { rating author } = 1 + (1 + 2) = 4
    //   review edges (list, takes first: 5 from reviews) = 1 + 5 × 4 = 21;  reviews = 1 + 21 = 22
    //   product node { title reviews } = 1 + (1 + 22) = 24
    //   product edges (list, takes first: 50 from products) = 1 + 50 × 24 = 1201
    //   products = 1 + 1201 = 1202
    const query = REFERENCE_QUERY;

    // Act
    const cost = costOf(query);

    // Assess
    expect(cost).toBe(1202);
  });

  it('gives the same estimate when the selections come through fragments', () => {
    // Prepare
    const query = `
      { products(first: 50) { ...ProductPage } }
      fragment ProductPage on ProductConnection { edges { node { ...ProductCard } } }
      fragment ProductCard on Product {
        title
        reviews(first: 5) { edges { node { ... on Review { rating author { name } } } } }
      }
    `;

    // Act
    const cost = costOf(query);

    // Assess
    expect(cost).toBe(1202);
  });

  it('uses defaultListSize when the size argument is a variable', () => {
    // Prepare: node { title } = 2; edges = 1 + size × 2; products = edges + 1.
    const query =
      'query Page($first: Int) { products(first: $first) { edges { node { title } } } }';

    // Act
    const withDefault = costOf(query);
    const withTwenty = costOf(query, { defaultListSize: 20 });

    // Assess
    expect(withDefault).toBe(1 + 1 + 10 * 2);
    expect(withTwenty).toBe(1 + 1 + 20 * 2);
  });

  it('uses the schema default of an omitted size argument', () => {
    // Act: products declares `first: Int = 20`, so edges = 1 + 20 × (node + title).
    const cost = costOf('{ products { edges { node { title } } } }');

    // Assess
    expect(cost).toBe(1 + 1 + 20 * 2);
  });

  it('uses defaultListSize for a list with no size argument and no sized ancestor', () => {
    // Act: related = 1 + 10 × id; product = 1 + related.
    const cost = costOf('{ product(id: "1") { related { id } } }');

    // Assess
    expect(cost).toBe(1 + 1 + 10 * 1);
  });

  it('reads only the arguments named in listSizeArguments', () => {
    // Act: `first` is not a size argument here, so edges falls back to 10.
    const cost = costOf('{ products(first: 50) { edges { node { title } } } }', {
      listSizeArguments: ['limit'],
    });

    // Assess
    expect(cost).toBe(1 + 1 + 10 * 2);
  });

  it('lets a connection size be used up by its edges, not by lists inside each node', () => {
    // Prepare: related { id } = 1 + 10 × 1 = 11 (default size, not 50); node = 1 + 11 = 12;
    // edges = 1 + 50 × 12 = 601; products = 602.
    const query = '{ products(first: 50) { edges { node { related { id } } } } }';

    // Act
    const cost = costOf(query);

    // Assess
    expect(cost).toBe(602);
  });

  it('adds up inline fragments on each member of a union', () => {
    // Prepare: search is a list without size argument: 1 + 10 × (title + name) = 21.
    const query = '{ search(text: "lamp") { ... on Product { title } ... on User { name } } }';

    // Act
    const cost = costOf(query);

    // Assess
    expect(cost).toBe(21);
  });

  it('counts meta-fields 1 each without expanding what is below them', () => {
    // Act
    const cost = costOf('{ __typename __schema { types { name fields { name } } } }');

    // Assess
    expect(cost).toBe(2);
  });

  it('returns one estimate per operation, named, in document order', () => {
    // Prepare
    const document = parse('query Me { me { name } } { product(id: "1") { title } }');

    // Act
    const costs = estimateCost(catalogSchema, document);

    // Assess
    expect(costs).toEqual([
      { name: 'Me', cost: 2 },
      { name: undefined, cost: 2 },
    ]);
  });
});
