import { describe, expect, it } from '@jest/globals';
import { graphqlEndpoint, oversizedBytes, webUrl } from '../src/smokeTarget.js';

describe('Function: graphqlEndpoint', () => {
  it('keeps an ApiUrl output that ends in /graphql', () => {
    expect(graphqlEndpoint('https://d111.cloudfront.net/graphql')).toBe(
      'https://d111.cloudfront.net/graphql',
    );
  });

  it.each([
    ['https://api.example.com', 'https://api.example.com/graphql'],
    ['https://api.example.com/', 'https://api.example.com/graphql'],
    ['http://127.0.0.1:4000/v1/', 'http://127.0.0.1:4000/v1/graphql'],
  ])('appends /graphql to the base URL %s', (value, expected) => {
    expect(graphqlEndpoint(value)).toBe(expected);
  });

  it.each([
    [undefined, 'SMOKE_API_URL is not set'],
    ['  ', 'SMOKE_API_URL is not set'],
    ['example.com/graphql', 'SMOKE_API_URL is not a URL'],
    ['ftp://example.com/graphql', 'must be an http(s) URL'],
  ])('refuses %p with a message saying what to set', (value, message) => {
    expect(() => graphqlEndpoint(value)).toThrow(message);
  });
});

describe('Function: webUrl', () => {
  it('is undefined when SMOKE_WEB_URL is unset, so the browser check is skipped', () => {
    expect(webUrl(undefined)).toBeUndefined();
    expect(webUrl('')).toBeUndefined();
  });

  it('refuses a value that is not a URL', () => {
    expect(() => webUrl('not a url')).toThrow('SMOKE_WEB_URL is not a URL');
  });
});

describe('Function: oversizedBytes', () => {
  it('defaults to 1 MiB, above the router default of 100 kB', () => {
    expect(oversizedBytes(undefined)).toBe(1024 * 1024);
  });

  it('takes SMOKE_OVERSIZED_BYTES and refuses a non-number', () => {
    expect(oversizedBytes('2000000')).toBe(2_000_000);
    expect(() => oversizedBytes('lots')).toThrow('SMOKE_OVERSIZED_BYTES');
  });
});
