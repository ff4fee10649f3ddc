import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundledFunction } from './BundledFunction.js';
import type { FunctionReport } from './BuildReport.js';
import { largestInputs } from './largestInputs.js';

const LARGEST_INPUTS_SHOWN = 3;

/** Measures a bundle on disk: minified and gzipped bytes and its three largest packages. */
export function measureBundle(bundle: BundledFunction, outDir: string): FunctionReport {
  const code = readFileSync(bundle.outfile);
  // The metafile names the bundle among its outputs (the .map is one too) by its entry point.
  const output = Object.entries(bundle.metafile.outputs).find(
    ([, meta]) => meta.entryPoint !== undefined,
  )?.[0];
  if (output === undefined) {
    throw new Error(`the metafile of ${bundle.name} has no bundle output with an entry point`);
  }
  return {
    name: bundle.name,
    bundle: relative(outDir, bundle.outfile).replace(/\\/g, '/'),
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    largestInputs: largestInputs(bundle.metafile, output, LARGEST_INPUTS_SHOWN),
  };
}
