// The smoke suite that runs after every stage the pipelines deploy (and against the local API
// in `npm test`). It reads its target from the environment, so one suite checks any stage:
//   SMOKE_API_URL          the GraphQL endpoint (the stage's ApiUrl output), required
//   SMOKE_WEB_URL          a web app to load in Chromium; unset skips the browser check
//   SMOKE_OVERSIZED_BYTES  body size of the 413 check (default 1 MiB)
//   CHROMIUM_PATH          the Chromium to drive (default /usr/bin/chromium, Debian's package)
import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.smoke.ts',
  // A smoke failure must stop the wave at once, not after minutes of retries; one retry in CI
  // absorbs a cold start right after the deployment.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  reporter: 'list',
  // Failure artefacts (screenshots, traces) go outside the repository.
  outputDir: process.env.SMOKE_OUTPUT_DIR ?? join(tmpdir(), 'stack-smoke-results'),
  use: {
    // Never `playwright install`: the suite drives the system's Chromium.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    trace: 'retain-on-failure',
  },
});
