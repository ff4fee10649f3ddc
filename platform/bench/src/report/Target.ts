/** A limit a figure must stay within: at most (≤) or at least (≥) `limit`. */
export interface Target {
  readonly kind: 'atMost' | 'atLeast';
  readonly limit: number;
}

/** A target that a figure must not exceed. */
export function atMost(limit: number): Target {
  return { kind: 'atMost', limit };
}

/** A target that a figure must reach. */
export function atLeast(limit: number): Target {
  return { kind: 'atLeast', limit };
}
