import { analyzeMetafile, version as esbuildVersion } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUILD_REPORT_FILE, type BuildReport } from './BuildReport.js';
import { bundleFunction, LAMBDA_NODE_TARGET } from './bundleFunction.js';
import { discoverFunctions } from './discoverFunctions.js';
import { formatBuildTable } from './formatBuildTable.js';
import { measureBundle } from './measureBundle.js';
import { selectFunctions } from './selectFunctions.js';

/** What `stack build` was asked to do. */
export interface BuildOptions {
  readonly repoRoot: string;
  /** Functions to build; empty builds every one (or only `analyze`, when set). */
  readonly names: readonly string[];
  readonly outDir: string;
  /** Print the report as JSON instead of the table. */
  readonly json: boolean;
  /** Also print esbuild's analysis of this function's bundle. */
  readonly analyze: string | undefined;
}

/** Where `stack build` prints: results to `out`, esbuild's warnings to `err`. */
export interface BuildOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Runs `stack build`: bundles, measures, writes build-report.json; resolves to the exit code. */
export async function runBuild(options: BuildOptions, io: BuildOutput): Promise<number> {
  const known = discoverFunctions(options.repoRoot);
  const selected = selectFunctions(known, namesToBuild(options));
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });

  // One esbuild service bundles them concurrently; results keep the discovery (name) order.
  const bundles = await Promise.all(
    selected.map((fn) =>
      bundleFunction({ repoRoot: options.repoRoot, name: fn.name, entry: fn.entry, outDir }),
    ),
  );
  const report: BuildReport = {
    esbuild: esbuildVersion,
    target: LAMBDA_NODE_TARGET,
    functions: bundles.map((bundle) => measureBundle(bundle, outDir)),
  };
  const reportPath = join(outDir, BUILD_REPORT_FILE);
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);

  for (const bundle of bundles) {
    for (const warning of bundle.warnings) {
      const where = warning.location
        ? ` (${warning.location.file}:${warning.location.line}:${warning.location.column})`
        : '';
      io.err(`warning: ${bundle.name}: ${warning.text}${where}\n`);
    }
  }
  if (options.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  io.out(formatBuildTable(report));
  io.out(`bundles and ${BUILD_REPORT_FILE} written to ${displayPath(outDir)}\n`);
  const analyzed = bundles.find((bundle) => bundle.name === options.analyze);
  if (analyzed) io.out(await analyzeMetafile(analyzed.metafile));
  return 0;
}

// --analyze alone builds only the analysed bundle; next to names it joins them.
function namesToBuild(options: BuildOptions): readonly string[] {
  if (options.analyze === undefined) return options.names;
  if (options.names.length === 0) return [options.analyze];
  return [...new Set([...options.names, options.analyze])];
}

// Inside the working directory a relative path is shorter; elsewhere (temp folders) absolute.
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === '' || fromCwd.startsWith('..') ? path : fromCwd;
}
