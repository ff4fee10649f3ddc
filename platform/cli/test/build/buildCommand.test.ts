import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/runCli.js';
import { repositoryServices } from '@stack/kit/testing';

// Each case starts the real bin (Node with tsx); only the small authorizer is bundled.
jest.setTimeout(90_000);

describe('Command: stack build', () => {
  let outDir: string | undefined;
  afterEach(() => {
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  it('prints a table with the header and a row for the function it was asked to build', () => {
    // Prepare
    outDir = mkdtempSync(join(tmpdir(), 'stack-build-cli-'));

    // Act
    const { code, stdout } = runCli(['build', 'authorizer', '--out', outDir]);

    // Assess
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^function\s+minified bytes\s+gzip bytes\s+largest inputs$/);
    expect(lines[1]).toMatch(/^authorizer\s+[\d,]+\s+[\d,]+\s+aws-jwt-verify \d+\.\d KiB/);
    expect(lines).toHaveLength(4); // header, one row, the "written to" line, trailing newline
    expect(existsSync(join(outDir, 'authorizer', 'index.mjs'))).toBe(true);
    expect(existsSync(join(outDir, 'build-report.json'))).toBe(true);
    expect(existsSync(join(outDir, 'router'))).toBe(false);
  });

  it('prints only the report as JSON with --json', () => {
    // Prepare
    outDir = mkdtempSync(join(tmpdir(), 'stack-build-cli-'));

    // Act
    const { code, stdout } = runCli(['build', 'authorizer', '--out', outDir, '--json']);

    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { functions: { name: string; minifiedBytes: number }[] };
    expect(report.functions.map((fn) => fn.name)).toEqual(['authorizer']);
    expect(report.functions[0]?.minifiedBytes).toBeGreaterThan(0);
  });

  it("prints esbuild's breakdown of the bundle with --analyze", () => {
    // Prepare
    outDir = mkdtempSync(join(tmpdir(), 'stack-build-cli-'));

    // Act
    const { code, stdout } = runCli(['build', '--analyze', 'authorizer', '--out', outDir]);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/authorizer\/index\.mjs\s+[\d.]+kb\s+100\.0%/);
    expect(stdout).toContain('services/authorizer/src/createAuthorizer.ts');
  });

  it('fails on an unknown function, listing the known ones, and builds nothing', () => {
    // Prepare
    outDir = mkdtempSync(join(tmpdir(), 'stack-build-cli-'));

    // Act
    const { code, stderr } = runCli(['build', 'nope', '--out', outDir]);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('unknown function "nope"');
    expect(stderr).toContain(`known functions are ${repositoryServices().handlers.join(', ')}`);
    expect(existsSync(join(outDir, 'build-report.json'))).toBe(false);
  });
});
