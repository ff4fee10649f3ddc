import { describe, expect, it } from '@jest/globals';
import { combineRounds, roundOrder } from '../src/federation/loadRounds.js';
import type { LoadResult } from '../src/federation/runLoad.js';
import { evaluateTarget, describeTarget } from '../src/report/evaluateTarget.js';
import { atLeast, atMost } from '../src/report/Target.js';
import { median, percentile } from '../src/stats/percentile.js';
import { expectedTableCalls } from '../src/tablecalls/expectedTableCalls.js';

describe('percentile', () => {
  it('interpolates between the nearest ranks', () => {
    // Prepare
    const sample = [40, 10, 30, 20];

    // Act
    const results = [0, 25, 50, 100].map((p) => percentile(sample, p));

    // Assess
    expect(results).toEqual([10, 17.5, 25, 40]);
    expect(percentile(sample, 99)).toBeCloseTo(39.7, 10);
  });

  it('takes the middle value of an odd sample as the median', () => {
    expect(median([250, 180, 900, 200, 210])).toBe(210);
  });

  it('refuses an empty sample and a percentile outside 0-100', () => {
    expect(() => percentile([], 50)).toThrow('empty sample');
    expect(() => percentile([1], 101)).toThrow('outside 0-100');
  });
});

describe('evaluateTarget', () => {
  it('meets an at-most target at or under the limit, with value ÷ limit as the ratio', () => {
    expect(evaluateTarget(300, atMost(400))).toEqual({ ratio: 0.75, met: true });
    expect(evaluateTarget(1_222, atMost(400))).toEqual({ ratio: 3.055, met: false });
  });

  it('meets an at-least target at or over the limit', () => {
    expect(evaluateTarget(0.7, atLeast(0.7))).toEqual({ ratio: 1, met: true });
    expect(evaluateTarget(0.63, atLeast(0.7)).met).toBe(false);
  });

  it('has no ratio against a zero limit and no verdict without a value', () => {
    expect(evaluateTarget(0, atMost(0))).toEqual({ ratio: undefined, met: true });
    expect(evaluateTarget(undefined, atMost(5))).toEqual({ ratio: undefined, met: undefined });
  });

  it('writes the target as people read it', () => {
    expect(describeTarget(atMost(1_500_000), 'bytes')).toBe('≤ 1,500,000 bytes');
    expect(describeTarget(atLeast(0.7), '')).toBe('≥ 0.7');
  });
});

describe('expectedTableCalls', () => {
  it('is one Query plus one BatchGetItem per 100 keys of each batched read', () => {
    expect(expectedTableCalls({ products: 1, reviews: 5, authors: 4 })).toBe(4);
    expect(expectedTableCalls({ products: 10, reviews: 50, authors: 4 })).toBe(4);
    expect(expectedTableCalls({ products: 100, reviews: 500, authors: 4 })).toBe(8);
  });
});

describe('load rounds', () => {
  const run = (p50Ms: number, p99Ms: number, totalRequests: number, errors = 0): LoadResult => ({
    requestsPerSecond: totalRequests / 2,
    totalRequests,
    p50Ms,
    p99Ms,
    errors,
    timeouts: 0,
    non2xx: 0,
    mismatches: errors,
  });

  it('rotates the order by one target per round, so no target always goes first', () => {
    // Act
    const orders = [0, 1, 2, 3].map((round) => roundOrder(['a', 'b', 'c'], round).join(''));

    // Assess
    expect(orders).toEqual(['abc', 'bca', 'cab', 'abc']);
  });

  it('combines rounds: counts add up, latencies are the medians of the rounds', () => {
    // Act
    const combined = combineRounds([run(20, 40, 80), run(90, 300, 30, 1), run(22, 41, 70)], 2);

    // Assess
    expect(combined).toEqual({
      requestsPerSecond: 180 / 6,
      totalRequests: 180,
      p50Ms: 22,
      p99Ms: 41,
      errors: 1,
      timeouts: 0,
      non2xx: 0,
      mismatches: 1,
    });
  });

  it('refuses to combine no rounds', () => {
    expect(() => combineRounds([], 2)).toThrow('at least one round');
  });
});
