/** One media range of an Accept header, or one media type the server can answer with. */
interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly params: Readonly<Record<string, string>>;
  readonly q: number;
}

interface Priority {
  /** Specificity of the best matching range: type 4, subtype 2, parameters 1. */
  readonly s: number;
  readonly q: number;
  /** Position of that range in the Accept header. */
  readonly o: number;
  /** Position of the candidate in the server's list. */
  readonly i: number;
}

/**
 * The media type among `available` that an Accept header prefers, or null when it accepts none.
 * Ranks like the `negotiator` package Apollo Server uses: highest q, then the most specific
 * matching range, then the range listed first, then the server's order. Malformed ranges are
 * skipped.
 */
export function negotiateMediaType(accept: string, available: readonly string[]): string | null {
  const ranges = splitOutsideQuotes(accept, ',').flatMap((part) => {
    const range = parseMediaRange(part);
    return range ? [range] : [];
  });
  const ranked = available
    .map((candidate, index) => priorityOf(parseMediaRange(candidate), ranges, index))
    .filter((priority) => priority.q > 0)
    .sort((a, b) => b.q - a.q || b.s - a.s || a.o - b.o || a.i - b.i);
  const best = ranked[0];
  return best ? (available[best.i] ?? null) : null;
}

function priorityOf(
  candidate: MediaRange | undefined,
  ranges: readonly MediaRange[],
  index: number,
): Priority {
  let best: Priority = { s: 0, q: 0, o: -1, i: index };
  if (!candidate) return best;
  ranges.forEach((range, order) => {
    const s = specificity(candidate, range);
    // The most specific matching range decides; among equals, the higher q, then the later one.
    if (s !== null && (best.s - s || best.q - range.q || best.o - order) < 0)
      best = { s, q: range.q, o: order, i: index };
  });
  return best;
}

function specificity(candidate: MediaRange, range: MediaRange): number | null {
  let s = 0;
  if (range.type === candidate.type) s |= 4;
  else if (range.type !== '*') return null;
  if (range.subtype === candidate.subtype) s |= 2;
  else if (range.subtype !== '*') return null;
  const keys = Object.keys(range.params);
  if (keys.length > 0) {
    const all = keys.every(
      (key) => range.params[key] === '*' || range.params[key] === (candidate.params[key] ?? ''),
    );
    if (!all) return null;
    s |= 1;
  }
  return s;
}

function parseMediaRange(text: string): MediaRange | undefined {
  const [full = '', ...rawParams] = splitOutsideQuotes(text, ';');
  const [type, subtype, extra] = full.trim().toLowerCase().split('/');
  if (!type || !subtype || extra !== undefined) return undefined;
  const params: Record<string, string> = {};
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    if (equals < 0) continue;
    const key = raw.slice(0, equals).trim().toLowerCase();
    let value = raw.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
      value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    params[key] = value.toLowerCase();
  }
  const q = params.q === undefined ? 1 : parseFloat(params.q);
  delete params.q;
  return { type, subtype, params, q: Number.isNaN(q) ? 0 : q };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (char === '"') quoted = !quoted;
    else if (char === '\\' && quoted) {
      current += char + (text[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}
