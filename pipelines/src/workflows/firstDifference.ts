/** How much of a difference `firstDifference` shows. */
export interface DifferenceLimits {
  /** Unchanged lines shown around the change. */
  readonly context?: number;
  /** Removed (and added) lines shown at most; the rest is counted. */
  readonly maxLines?: number;
}

/**
 * The first changed region between two texts as unified-diff-like lines (`@@ line N @@`, then
 * ` ` context, `-` lines of `before`, `+` lines of `after`); empty when they are equal. Short on
 * purpose: it tells a reader where the file drifted, `git diff` after regenerating tells the rest.
 */
export function firstDifference(
  before: string,
  after: string,
  { context = 2, maxLines = 6 }: DifferenceLimits = {},
): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (start === a.length && start === b.length) return [];
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const shown = (lines: string[], prefix: string, what: string) => [
    ...lines.slice(0, maxLines).map((line) => `${prefix}${line}`),
    ...(lines.length > maxLines ? [`… ${lines.length - maxLines} more ${what} lines`] : []),
  ];
  return [
    `@@ line ${start + 1} @@`,
    ...a.slice(Math.max(0, start - context), start).map((line) => ` ${line}`),
    ...shown(a.slice(start, endA), '-', 'removed'),
    ...shown(b.slice(start, endB), '+', 'added'),
    ...a.slice(endA, endA + context).map((line) => ` ${line}`),
  ];
}
