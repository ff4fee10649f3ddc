// Runs the real smoke suite (`playwright test`, as `npm run smoke` does in the pipelines) against
// the local API started in this process, so a change that breaks the suite or the API's answers
// to it fails `npm test` before it can stop a deployment.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DevIssuer } from '@stack/dev-issuer';
import { createTestTable } from '@stack/kit/testing';
import { seedDemoData, startLocalApi, type LocalApi } from '@stack/local';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

jest.setTimeout(60_000);

const suiteDir = fileURLToPath(new URL('..', import.meta.url));
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

interface SuiteRun {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Spawns `playwright test` asynchronously: the API it checks answers from this process's event
 * loop, which a synchronous spawn would block.
 */
function runSuite(env: Record<string, string>): Promise<SuiteRun> {
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

/** A page for the Chromium check, standing in for the web apps that come later. */
function startWebPage(): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>The Stack</title><h1>The Stack</h1>');
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('Smoke suite: npm run smoke against the local API', () => {
  let issuer: DevIssuer;
  let api: LocalApi;
  let web: Server;
  let webUrl: string;

  beforeAll(async () => {
    issuer = await DevIssuer.start({ clientIds: ['web'] });
    const tableName = await createTestTable('smoke');
    await seedDemoData(tableName);
    api = await startLocalApi({
      tableName,
      topology: 'colocated',
      port: 0,
      auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: ['web'] },
    });
    web = await startWebPage();
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await api?.close();
    await issuer?.close();
    await new Promise((resolve) => web?.close(resolve));
  });

  it('passes against the running API and loads the page in Chromium', async () => {
    // Act
    const { code, output } = await runSuite({ SMOKE_API_URL: api.url, SMOKE_WEB_URL: webUrl });

    // Assess
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('5 passed') });
  });

  it('takes a base URL without /graphql too', async () => {
    // Act
    const { code, output } = await runSuite({
      SMOKE_API_URL: api.url.replace(/\/graphql$/, ''),
    });

    // Assess: the web check is skipped without SMOKE_WEB_URL
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('4 passed') });
  });

  it('fails when SMOKE_API_URL points at something that is not the API', async () => {
    // Act: the web page server answers, but 404 to every GraphQL request
    const { code, output } = await runSuite({ SMOKE_API_URL: `${webUrl}graphql` });

    // Assess
    expect(code).toBe(1);
    expect(output).toContain('4 failed');
  });

  it('fails with a clear message when SMOKE_API_URL is missing', async () => {
    // Act
    const { code, output } = await runSuite({ SMOKE_API_URL: '' });

    // Assess
    expect(code).not.toBe(0);
    expect(output).toContain('SMOKE_API_URL is not set');
  });
});
