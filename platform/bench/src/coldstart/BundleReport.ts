import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sizes `stack build` records for one bundle (see platform/cli BuildReport). */
export interface BundleSizes {
  readonly name: string;
  /** Relative to the output directory: `<name>/index.mjs`. */
  readonly bundle: string;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

/** The parts of `dist/lambda/build-report.json` the bench reads. */
export interface BundleReport {
  readonly esbuild: string;
  readonly target: string;
  readonly functions: readonly BundleSizes[];
}

/** The report file `stack build` writes next to the bundles. */
export const BUILD_REPORT_FILE = 'build-report.json';

/** Reads a build report, or undefined when there is none or it is not one. */
export function readBundleReport(outDir: string): BundleReport | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(outDir, BUILD_REPORT_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  const report = parsed as Partial<BundleReport>;
  if (typeof report.target !== 'string' || !Array.isArray(report.functions)) return undefined;
  return report as BundleReport;
}
