import { join } from 'node:path';
import { formatWebTable } from './formatWebTable.js';
import { measureWebExport } from './measureWebExport.js';
import { nextBuild } from './nextBuild.js';
import { WEB_APPS, type WebExportReport } from './WebExportReport.js';

/** Where the web build prints: the table to `out`, progress and failures to `err`. */
export interface WebBuildOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Exports each web app with `next build` (one at a time: two at once are no faster on a small
 * machine) and prints their sizes; resolves to the exit code.
 */
export async function runWebBuild(
  repoRoot: string,
  io: WebBuildOutput,
  apps: readonly string[] = WEB_APPS,
): Promise<number> {
  const reports: WebExportReport[] = [];
  for (const app of apps) {
    io.err(`building ${app} (next build)…\n`);
    const started = Date.now();
    const result = await nextBuild(join(repoRoot, app)).catch((error: unknown) => ({
      code: null,
      output: error instanceof Error ? error.message : String(error),
    }));
    if (result.code !== 0) {
      io.err(
        `${result.output}\nnext build failed in ${app} (exit ${result.code}); see its output above\n`,
      );
      return 1;
    }
    io.err(`built ${app} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    reports.push(measureWebExport(app, join(repoRoot, app, 'out')));
  }
  io.out(formatWebTable(reports));
  io.out(`static exports written to ${apps.map((app) => `${app}/out`).join(', ')}\n`);
  return 0;
}
