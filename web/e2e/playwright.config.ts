// The end-to-end suite of the web apps. It reads its target only from the environment, so one
// suite checks the local cloud and any deployed stage:
//   WEB_URL            the public app, e.g. http://localhost:3000 (required)
//   INTERNAL_URL       the internal (admin) app, e.g. http://localhost:3001 (required)
//   E2E_USER           a user without the admin group (default alice, a demo user)
//   E2E_ADMIN          a user in the admin group (default ada, a demo user)
//   E2E_PASSWORD       their password on Cognito's hosted UI; unset = the dev issuer's login page
//   E2E_SCREENSHOTS    a folder to save each main page's screenshot to (e.g. docs/screenshots)
//   E2E_OUTPUT_DIR     where failure screenshots and traces go (default a temp folder)
//   CHROMIUM_PATH      the Chromium to drive (default /usr/bin/chromium, Debian's package)
import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.e2e.ts',
  retries: 0,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: process.env.E2E_OUTPUT_DIR ?? join(tmpdir(), 'stack-e2e-results'),
  use: {
    // Never `playwright install`: the suite drives the system's Chromium.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
