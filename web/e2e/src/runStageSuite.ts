// `npm run e2e:stage`: the deploy pipeline's entry to the web e2e suite after a stage. It runs
// `playwright test` against the stage's hosted apps with its e2e users, or says why it skips.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { stageSuitePlan } from './stageSuitePlan.js';

const plan = stageSuitePlan(process.env);
if (!plan.run) {
  // On GitHub Actions a warning annotation shows on the run's summary page.
  const annotation = process.env.GITHUB_ACTIONS === 'true' && plan.warn ? '::warning::' : '';
  console.log(`${annotation}e2e skipped: ${plan.reason}`);
} else {
  console.log(`e2e: running the web e2e suite against ${plan.stage}`);
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const result = spawnSync(process.execPath, [cli, 'test'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
}
