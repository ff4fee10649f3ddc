import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fakeBin } from './support/fakeBin.js';
import { runCli } from './support/runCli.js';
import { LOCAL_PORTS } from '@stack/local/ports';

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

describe('Command: stack', () => {
  it('lists its commands with --help', () => {
    const { code, stdout } = runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: stack');
    expect(stdout).toMatch(/^\s+doctor\b/m);
  });

  it('prints the package version with --version', () => {
    const { code, stdout } = runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('fails on an unknown command and points to --help', () => {
    const { code, stderr } = runCli(['deploy-everything']);
    expect(code).not.toBe(0);
    expect(stderr).toContain("unknown command 'deploy-everything'");
    expect(stderr).toContain('stack --help');
  });
});

describe('Command: stack doctor', () => {
  it('exits non-zero and prints the fix when Java and Chromium are missing', () => {
    const { code, stdout } = runCli(['doctor'], {
      PATH: fakeBin(),
      STACK_PORT_API: '0',
      STACK_PORT_DYNAMODB: '0',
      STACK_PORT_AUTH: '0',
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL java\s+java not found on PATH/);
    expect(stdout).toContain('fix: Install a Java runtime 17+');
    expect(stdout).toMatch(/FAIL chromium/);
    expect(stdout).toContain('sudo apt-get install -y chromium');
    expect(stdout).toContain('2 problem(s) found');
  });

  it('exits zero when every prerequisite is present', () => {
    const path = fakeBin({
      java: `echo 'openjdk version "17.0.15" 2025-04-15' >&2`,
      chromium: `echo 'Chromium 156.0.8078.73'`,
    });
    const { code, stdout } = runCli(['doctor', '--json'], {
      PATH: path,
      STACK_PORT_API: '0',
      STACK_PORT_DYNAMODB: '0',
      STACK_PORT_AUTH: '0',
    });
    const report = JSON.parse(stdout) as { ok: boolean; checks: { name: string; ok: boolean }[] };
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.name)).toEqual([
      'node',
      'java',
      'chromium',
      // One check per port of the local cloud, whatever ports it grows.
      ...Object.keys(LOCAL_PORTS).map((name) => `port ${name}`),
    ]);
  });
});
