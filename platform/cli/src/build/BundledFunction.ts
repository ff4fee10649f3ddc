import type { Message, Metafile } from 'esbuild';

/** What bundling one Lambda function produced. */
export interface BundledFunction {
  readonly name: string;
  /** Absolute path of the bundle, `<outDir>/<name>/index.mjs`; its source map is beside it. */
  readonly outfile: string;
  /** esbuild's metafile, input and output paths relative to the repository root. */
  readonly metafile: Metafile;
  /** esbuild's warnings, e.g. a `require` it could not resolve at build time. */
  readonly warnings: readonly Message[];
}
