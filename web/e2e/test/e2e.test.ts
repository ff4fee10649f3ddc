// Runs the real end-to-end suite (`playwright test`) against the local API, the dev issuer with
// the demo users, and the web apps' static exports served as `npm start` serves them (the
// stage's other parts, emulators and workers, play no part in these pages): a change that
// breaks signing in, posting, moderating or refusing non-admins fails `npm test`.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DevIssuer } from '@stack/dev-issuer';
import { createTestTable } from '@stack/kit/testing';
import {
  DEMO_USERS,
  LOCAL_CLIENT_ID,
  seedDemoData,
  startLocalApi,
  startWebApps,
  type LocalApi,
  type WebApps,
} from '@stack/local';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebExports } from './ensureWebExports.js';

// Building both exports (only when stale) takes up to ~2 minutes on 2 cores; the stage and the
// suite under one more.
jest.setTimeout(300_000);

const suiteDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** `playwright test`, asynchronously: the stage answers from this process's event loop. */
function runSuite(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Playwright refuses to run inside a jest worker (it looks for JEST_WORKER_ID).
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('JEST_')),
    );
    const child = spawn(process.execPath, [playwrightCli, 'test'], {
      cwd: suiteDir,
      env: { ...inherited, CI: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('E2E suite: the web apps on the local API', () => {
  const root = mkdtempSync(join(tmpdir(), 'stack-e2e-'));
  // E2E_SCREENSHOTS=$PWD/docs/screenshots npm test -- web/e2e refreshes the docs' screenshots.
  const screenshots = process.env.E2E_SCREENSHOTS ?? join(root, 'screenshots');
  let issuer: DevIssuer;
  let api: LocalApi;
  let web: WebApps;

  beforeAll(async () => {
    await ensureWebExports([join(repoRoot, 'web/app'), join(repoRoot, 'web/internal')]);
    issuer = await DevIssuer.start({ clientIds: [LOCAL_CLIENT_ID], users: DEMO_USERS });
    const tableName = await createTestTable('e2e');
    await seedDemoData(tableName);
    api = await startLocalApi({
      tableName,
      topology: 'colocated',
      port: 0,
      auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: [LOCAL_CLIENT_ID] },
    });
    web = await startWebApps({
      ports: { web: 0, internal: 0 },
      apiUrl: api.url,
      authority: issuer.issuer,
      clientId: LOCAL_CLIENT_ID,
    });
  });

  afterAll(async () => {
    await web?.close();
    await api?.close();
    await issuer?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves both exports', () => {
    expect(web.missing).toEqual([]);
  });

  it('signs in, posts a review, moderates it away, refuses a non-admin and signs out', async () => {
    // Act
    const { code, output } = await runSuite({
      WEB_URL: web.web.url,
      INTERNAL_URL: web.internal.url,
      E2E_USER: 'alice',
      E2E_ADMIN: 'ada',
      E2E_SCREENSHOTS: screenshots,
      // Outside the state folder, so failure screenshots and traces outlive the test.
      E2E_OUTPUT_DIR: join(tmpdir(), 'stack-e2e-results'),
    });

    // Assess
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('5 passed') });
    for (const page of ['products', 'product', 'moderation']) {
      expect(existsSync(join(screenshots, `${page}.png`))).toBe(true);
    }
  });

  it('fails with a clear message when WEB_URL is missing', async () => {
    // Act
    const { code, output } = await runSuite({
      WEB_URL: '',
      INTERNAL_URL: web.internal.url,
      E2E_OUTPUT_DIR: join(root, 'results'),
    });

    // Assess
    expect(code).not.toBe(0);
    expect(output).toContain('WEB_URL is not set');
  });
});
