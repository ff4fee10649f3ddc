import type { Target } from './Target.js';

/** How a figure compares with its target. */
export interface TargetOutcome {
  /** value ÷ limit; undefined when the limit is 0 (a ratio to zero means nothing). */
  readonly ratio: number | undefined;
  /** undefined when there is no value to judge. */
  readonly met: boolean | undefined;
}

/** Compares a measured value with its target. */
export function evaluateTarget(value: number | undefined, target: Target): TargetOutcome {
  if (value === undefined || !Number.isFinite(value)) return { ratio: undefined, met: undefined };
  const ratio = target.limit === 0 ? undefined : value / target.limit;
  const met = target.kind === 'atMost' ? value <= target.limit : value >= target.limit;
  return { ratio, met };
}

/** The target as people write it, e.g. `≤ 400 ms`. */
export function describeTarget(target: Target, unit: string): string {
  const sign = target.kind === 'atMost' ? '≤' : '≥';
  return `${sign} ${formatNumber(target.limit)}${unit ? ` ${unit}` : ''}`;
}

/** ✅ met, ❌ missed, `n/a` not measured. */
export function verdict(outcome: TargetOutcome): string {
  if (outcome.met === undefined) return 'n/a';
  return outcome.met ? '✅' : '❌';
}

/** A number with thousands separators and at most `digits` decimals. */
export function formatNumber(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
