import type { PackageShare } from './largestInputs.js';

/** The file, in the output directory, that `stack build` writes its report to. */
export const BUILD_REPORT_FILE = 'build-report.json';

/** The sizes of one Lambda bundle. */
export interface FunctionReport {
  readonly name: string;
  /** The bundle, relative to the output directory: `<name>/index.mjs`. */
  readonly bundle: string;
  /** Size of the minified bundle, without its source map. */
  readonly minifiedBytes: number;
  /** Size of the minified bundle after gzip (zlib's default level). */
  readonly gzipBytes: number;
  /** The three packages (or workspace folders) that take the most bytes of the bundle. */
  readonly largestInputs: readonly PackageShare[];
}

/** What `stack build` wrote to `build-report.json` and prints with `--json`. */
export interface BuildReport {
  /** The esbuild version that bundled, since sizes move with it. */
  readonly esbuild: string;
  /** esbuild's target, e.g. node24. */
  readonly target: string;
  /** The functions built by this run, by name. */
  readonly functions: readonly FunctionReport[];
}
