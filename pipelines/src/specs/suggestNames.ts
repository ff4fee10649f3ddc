/**
 * The known names closest to a misspelt one (case-insensitive optimal string alignment
 * distance: an insertion, deletion, substitution or swap of two neighbours costs 1).
 */
export function suggestNames(name: string, known: readonly string[]): string[] {
  const wanted = name.toLowerCase();
  const scored = known
    .map((candidate) => ({ candidate, distance: distance(wanted, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= allowedDistance(candidate));
  const best = Math.min(...scored.map((entry) => entry.distance));
  return scored.filter((entry) => entry.distance === best).map((entry) => entry.candidate);
}

/** ` (did you mean "waf"?)`, or '' when no known name is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const close = suggestNames(name, known);
  return close.length === 0 ? '' : ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)`;
}

// Short names tolerate one typo and longer ones up to three: close enough to be a typo, not a
// different word.
function allowedDistance(candidate: string): number {
  return Math.max(1, Math.min(3, Math.floor(candidate.length / 3)));
}

function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}
