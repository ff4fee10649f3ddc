import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticSite, startWebApps, type StaticSite } from '../../src/index.js';

const config = {
  apiUrl: 'http://localhost:4000/graphql',
  auth: { authority: 'http://127.0.0.1:4001', clientId: 'local-web', scopes: 'openid' },
  stage: 'local',
};

describe('startStaticSite: a static export served like the hosting construct serves it', () => {
  const root = mkdtempSync(join(tmpdir(), 'stack-static-'));
  let site: StaticSite;

  beforeAll(async () => {
    mkdirSync(join(root, 'product'), { recursive: true });
    mkdirSync(join(root, '_next/static'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
    writeFileSync(join(root, 'product/index.html'), '<h1>product</h1>');
    writeFileSync(join(root, '404.html'), '<h1>not here</h1>');
    writeFileSync(join(root, '_next/static/app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'outside-the-export.txt'), 'secret');
    site = await startStaticSite({ name: 'web/app', root, config, port: 0 });
  });

  afterAll(async () => {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves /config.json from the stage, never cached', async () => {
    const response = await fetch(`${site.url}/config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(config);
  });

  it('serves clean URLs and query strings from the exported page', async () => {
    for (const path of ['/product', '/product/', '/product/?id=prod-kettle']) {
      const response = await fetch(`${site.url}${path}`);
      expect({ path, status: response.status, body: await response.text() }).toEqual({
        path,
        status: 200,
        body: '<h1>product</h1>',
      });
    }
  });

  it('serves assets with their type and a long cache', async () => {
    const response = await fetch(`${site.url}/_next/static/app.js`);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 404.html for unknown paths and for paths that leave the export', async () => {
    for (const path of [
      '/nope',
      '/..%2Foutside-the-export.txt',
      '/%2e%2e/outside-the-export.txt',
    ]) {
      const response = await fetch(`${site.url}${path}`);
      expect({ path, status: response.status, body: await response.text() }).toEqual({
        path,
        status: 404,
        body: '<h1>not here</h1>',
      });
    }
  });
});

describe('startWebApps: an app that is not built', () => {
  it('serves a page saying to run npm run build, and still serves /config.json', async () => {
    // Prepare: a repository root without exports
    const repoRoot = mkdtempSync(join(tmpdir(), 'stack-unbuilt-'));
    const apps = await startWebApps({
      repoRoot,
      ports: { web: 0, internal: 0 },
      apiUrl: config.apiUrl,
      authority: config.auth.authority,
      clientId: 'local-web',
    });
    try {
      // Act
      const page = await fetch(`${apps.web.url}/`);
      const served = await fetch(`${apps.internal.url}/config.json`);

      // Assess
      expect(apps.missing).toEqual(['web/app', 'web/internal']);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('Run <code>npm run build</code>');
      expect(await served.json()).toMatchObject({
        apiUrl: config.apiUrl,
        auth: { clientId: 'local-web', scopes: 'openid profile email' },
        stage: 'local',
      });
    } finally {
      await apps.close();
      rmSync(repoRoot, { recursive: true, force: true });
    }
  });
});
