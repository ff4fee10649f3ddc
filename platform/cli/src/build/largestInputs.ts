import type { Metafile } from 'esbuild';
import { packageOfInput } from './packageOfInput.js';

/** A package's share of a bundle. */
export interface PackageShare {
  readonly package: string;
  /** Bytes the package's files take in the minified bundle (esbuild's bytesInOutput). */
  readonly bytes: number;
}

/** The `count` packages that take the most bytes of the bundle `output`, largest first. */
export function largestInputs(metafile: Metafile, output: string, count: number): PackageShare[] {
  const inputs = metafile.outputs[output]?.inputs;
  if (inputs === undefined) {
    throw new Error(
      `the metafile has no output ${output} (has: ${Object.keys(metafile.outputs).join(', ')})`,
    );
  }
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const name = packageOfInput(input);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .map(([name, bytes]) => ({ package: name, bytes }))
    .sort((a, b) => b.bytes - a.bytes || (a.package < b.package ? -1 : 1))
    .slice(0, count);
}
