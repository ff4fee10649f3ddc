import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Cleanup } from '../infra/Cleanup.js';
import { runCommand, tail } from '../process/runCommand.js';
import { BUILD_REPORT_FILE, readBundleReport, type BundleReport } from './BundleReport.js';

/** Where `npm run build` writes the bundles. */
export function lambdaOutDir(repoRoot: string): string {
  return join(repoRoot, 'dist', 'lambda');
}

/** Folders and files whose changes change the bundles. */
const SOURCES = ['services', 'platform/kit/src', 'platform/cli/src/build', 'package-lock.json'];

/**
 * Returns the bundles of every `services/<name>/src/handler.ts`, running `npm run build` unless
 * dist/lambda already holds all of them and its report is newer than every source file.
 */
export async function ensureLambdaBundles(
  repoRoot: string,
  log: (line: string) => void,
  cleanup?: Cleanup,
): Promise<{ report: BundleReport; rebuilt: boolean; buildMs?: number }> {
  const outDir = lambdaOutDir(repoRoot);
  const names = handlerNames(repoRoot);
  const existing = readBundleReport(outDir);
  if (existing && isFresh(repoRoot, outDir, existing, names)) {
    log('coldstart: dist/lambda is newer than the sources, reusing it');
    return { report: existing, rebuilt: false };
  }
  log('coldstart: running npm run build');
  const outcome = await runCommand('npm', ['run', 'build'], {
    cwd: repoRoot,
    timeoutMs: 300_000,
    cleanup,
  });
  if (outcome.code !== 0) {
    throw new Error(
      `npm run build ${outcome.timedOut ? 'timed out' : `exited with ${outcome.code}`}:\n${tail(outcome.stderr || outcome.stdout)}`,
    );
  }
  const report = readBundleReport(outDir);
  if (!report) throw new Error(`npm run build wrote no ${BUILD_REPORT_FILE} in ${outDir}`);
  return { report, rebuilt: true, buildMs: outcome.durationMs };
}

/** The functions `stack build` builds: every services/<name>/src/handler.ts. */
export function handlerNames(repoRoot: string): string[] {
  return readdirSync(join(repoRoot, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(repoRoot, 'services', name, 'src', 'handler.ts')))
    .sort();
}

function isFresh(
  repoRoot: string,
  outDir: string,
  report: BundleReport,
  names: readonly string[],
): boolean {
  const built = new Set(report.functions.map((fn) => fn.name));
  if (!names.every((name) => built.has(name) && existsSync(join(outDir, name, 'index.mjs')))) {
    return false;
  }
  const reportTime = statSync(join(outDir, BUILD_REPORT_FILE)).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(repoRoot, source)) < reportTime);
}

/** The newest modification time under a path (node_modules, test and dist folders skipped). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (['node_modules', 'test', 'dist', 'cdk.out'].includes(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}
