import { describe, expect, it } from '@jest/globals';
import { negotiateMediaType } from '../../src/http/negotiateMediaType.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
const AVAILABLE = [JSON_TYPE, GRAPHQL_RESPONSE];

describe('Function: negotiateMediaType', () => {
  it.each([
    ['*/*', JSON_TYPE],
    ['application/graphql-response+json', GRAPHQL_RESPONSE],
    ['application/json;q=0.5, application/graphql-response+json', GRAPHQL_RESPONSE],
    ['application/graphql-response+json;q=0.5, application/json;q=0.5', GRAPHQL_RESPONSE],
    ['text/html, application/*;q=0.2', JSON_TYPE],
    ['application/json; charset="UTF-8"', JSON_TYPE],
    ['Application/JSON', JSON_TYPE],
    ['nonsense, application/graphql-response+json', GRAPHQL_RESPONSE],
  ])('picks from %j the type %s', (accept, expected) => {
    expect(negotiateMediaType(accept, AVAILABLE)).toBe(expected);
  });

  it.each(['image/png', 'application/json;q=0', 'application/json; charset=latin1', ''])(
    'accepts nothing the router offers for %j',
    (accept) => {
      expect(negotiateMediaType(accept, AVAILABLE)).toBeNull();
    },
  );
});
