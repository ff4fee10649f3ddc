import type { Figure } from '../suites/SuiteResult.js';
import { describeTarget, evaluateTarget, formatNumber, verdict } from './evaluateTarget.js';

/** The columns of a figures table. */
export const FIGURE_COLUMNS = ['figure', 'value', 'target', 'ratio to target', 'met'] as const;

/** One row per figure: label, value, target, value ÷ target, ✅/❌ (or n/a). */
export function figureRows(figures: readonly Figure[]): string[][] {
  return figures.map((figure) => {
    const value =
      figure.value === undefined
        ? (figure.note ?? 'n/a')
        : `${formatNumber(figure.value, decimals(figure))}${figure.unit ? ` ${figure.unit}` : ''}`;
    if (!figure.target)
      return [figure.label, value, '—', '—', figure.value === undefined ? 'n/a' : '—'];
    const outcome = evaluateTarget(figure.value, figure.target);
    return [
      figure.label,
      value,
      describeTarget(figure.target, figure.unit),
      outcome.ratio === undefined ? '—' : formatNumber(outcome.ratio, 2),
      verdict(outcome),
    ];
  });
}

// Whole bytes; milliseconds to 0.1 below 100 ms and whole above; ratios to 0.01.
function decimals(figure: Figure): number {
  if (figure.unit === 'bytes') return 0;
  if (figure.unit === 'ms') return Math.abs(figure.value ?? 0) < 100 ? 1 : 0;
  return 2;
}
