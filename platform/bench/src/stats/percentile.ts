/**
 * The p-th percentile (0-100) of a sample, interpolating linearly between the two nearest
 * ranks (the same definition as NumPy's default), so the median of an even sample is the mean
 * of its middle pair.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty sample');
  if (p < 0 || p > 100) throw new Error(`percentile ${p} is outside 0-100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? 0;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** The median of a sample. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
