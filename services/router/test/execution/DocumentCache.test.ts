import { describe, expect, it } from '@jest/globals';
import { DocumentCache } from '../../src/execution/DocumentCache.js';

describe('Class: DocumentCache', () => {
  it('returns what was stored under a query text', () => {
    const cache = new DocumentCache<number>(100);
    cache.set('{ a }', 1);
    expect(cache.get('{ a }')).toBe(1);
    expect(cache.get('{ b }')).toBeUndefined();
  });

  it('evicts the least recently used texts once their total length passes the budget', () => {
    // Prepare: three 10-character texts in a 25-character budget
    const cache = new DocumentCache<string>(25);
    cache.set('a'.repeat(10), 'a');
    cache.set('b'.repeat(10), 'b');

    // Act: reading `a` makes `b` the oldest, then `c` needs room
    cache.get('a'.repeat(10));
    cache.set('c'.repeat(10), 'c');

    // Assess
    expect(cache.get('b'.repeat(10))).toBeUndefined();
    expect(cache.get('a'.repeat(10))).toBe('a');
    expect(cache.get('c'.repeat(10))).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('never stores a text longer than the whole budget', () => {
    const cache = new DocumentCache<string>(5);
    cache.set('x'.repeat(6), 'x');
    expect(cache.size).toBe(0);
  });

  it('counts a text stored twice once', () => {
    const cache = new DocumentCache<number>(20);
    cache.set('a'.repeat(10), 1);
    cache.set('a'.repeat(10), 2);
    cache.set('b'.repeat(10), 3);
    expect(cache.get('a'.repeat(10))).toBe(2);
    expect(cache.size).toBe(2);
  });
});
