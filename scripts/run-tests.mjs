// `npm test`: runs jest over every workspace (as native ESM) and ends with one line
// `N passed, N failed` read from jest's JSON report, so a run without tests cannot look green.
// Extra arguments go to jest, e.g. `npm test -- platform/cli`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './workspaces.mjs';

const reportDir = join(repoRoot, 'reports');
const reportFile = join(reportDir, 'jest.json');
mkdirSync(reportDir, { recursive: true });
rmSync(reportFile, { force: true });

const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
const run = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    jestBin,
    '--json',
    `--outputFile=${reportFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: repoRoot, stdio: 'inherit' },
);

let summary;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  summary = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
} catch {
  summary = { passed: 0, failed: 1, skipped: 0 };
  console.error('run-tests: jest wrote no report; counting the run as failed');
}
const code = run.status ?? 1;
if (summary.passed === 0 && code === 0) {
  console.error('run-tests: no test ran; failing so an empty run cannot look green');
}
console.log(
  `${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`,
);
process.exit(summary.passed === 0 ? 1 : code);
