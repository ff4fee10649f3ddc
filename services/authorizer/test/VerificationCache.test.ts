import { describe, expect, it } from '@jest/globals';
import { VerificationCache } from '../src/VerificationCache.js';

describe('Class: VerificationCache', () => {
  it('returns a stored value until it expires', () => {
    const cache = new VerificationCache<string>(10);
    cache.set('token', 'ada', 2_000);

    const before = cache.get('token', 1_999);
    const at = cache.get('token', 2_000);

    expect([before, at]).toEqual(['ada', undefined]);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, size: 0 });
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new VerificationCache<string>(2);
    cache.set('a', 'A', 10_000);
    cache.set('b', 'B', 10_000);
    cache.get('a', 0);

    cache.set('c', 'C', 10_000);

    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([
      'A',
      undefined,
      'C',
    ]);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => new VerificationCache(0)).toThrow('positive whole number of entries, got 0');
  });
});
