import { median } from '../stats/percentile.js';
import type { LoadResult } from './runLoad.js';

/**
 * The order of the targets in one round: each round starts one target later, so no target is
 * always measured first (on the coldest DynamoDB Local) or right after the same neighbour.
 */
export function roundOrder<T>(targets: readonly T[], round: number): T[] {
  const shift = round % targets.length;
  return [...targets.slice(shift), ...targets.slice(0, shift)];
}

/**
 * One figure from several short runs of the same target: counts add up, throughput is
 * requests over the measured time, and p50 and p99 are the medians of the rounds' own, so one
 * disturbed round (a GC pause, a JIT recompilation in DynamoDB Local) does not decide them.
 */
export function combineRounds(rounds: readonly LoadResult[], secondsPerRound: number): LoadResult {
  if (rounds.length === 0) throw new Error('combineRounds needs at least one round');
  const sum = (pick: (round: LoadResult) => number) =>
    rounds.reduce((total, round) => total + pick(round), 0);
  const totalRequests = sum((round) => round.totalRequests);
  return {
    requestsPerSecond: totalRequests / (rounds.length * secondsPerRound),
    totalRequests,
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    errors: sum((round) => round.errors),
    timeouts: sum((round) => round.timeouts),
    non2xx: sum((round) => round.non2xx),
    mismatches: sum((round) => round.mismatches),
  };
}
