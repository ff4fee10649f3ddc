import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatWebTable } from '../../src/build/web/formatWebTable.js';
import { measureWebExport } from '../../src/build/web/measureWebExport.js';
import { runWebBuild } from '../../src/build/web/runWebBuild.js';

describe('stack build: web exports', () => {
  it('counts the files of an export and their raw and gzipped bytes', () => {
    // Prepare
    const out = mkdtempSync(join(tmpdir(), 'stack-web-export-'));
    mkdirSync(join(out, '_next/static'), { recursive: true });
    const page = '<h1>hello</h1>'.repeat(50);
    writeFileSync(join(out, 'index.html'), page);
    writeFileSync(join(out, '_next/static/app.js'), 'x');
    try {
      // Act
      const report = measureWebExport('web/app', out);

      // Assess
      expect(report).toEqual({
        app: 'web/app',
        files: 2,
        bytes: page.length + 1,
        gzipBytes: gzipSync(page).length + gzipSync('x').length,
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('prints one aligned row per app', () => {
    // Act
    const table = formatWebTable([
      { app: 'web/app', files: 40, bytes: 1_234_567, gzipBytes: 345_678 },
      { app: 'web/internal', files: 38, bytes: 999, gzipBytes: 500 },
    ]);

    // Assess
    expect(table.split('\n')).toEqual([
      'web app       files      bytes  gzip bytes',
      'web/app          40  1,234,567     345,678',
      'web/internal     38        999         500',
      '',
    ]);
  });

  it('fails with the build output when next build fails', async () => {
    // Prepare: an "app" folder next cannot build
    const repoRoot = mkdtempSync(join(tmpdir(), 'stack-web-broken-'));
    mkdirSync(join(repoRoot, 'web/broken'), { recursive: true });
    writeFileSync(join(repoRoot, 'web/broken/package.json'), '{"name":"broken","type":"module"}');
    const err: string[] = [];
    try {
      // Act
      const code = await runWebBuild(
        repoRoot,
        { out: () => undefined, err: (text) => err.push(text) },
        ['web/broken'],
      );

      // Assess
      expect(code).toBe(1);
      expect(err.join('')).toContain('next build failed in web/broken');
    } finally {
      rmSync(repoRoot, { recursive: true, force: true });
    }
  });
});
