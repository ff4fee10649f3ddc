import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotTree } from './support/snapshotTree.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

/** Runs a command of the repository (Node, TypeScript through tsx) and returns its outcome. */
function run(args: readonly string[]) {
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Reliability: invalid specs and names are refused before anything is written', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'stack-reliability-input-'));
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses an invalid service name with the reason and a fix, leaving the repository as it was', () => {
    // Prepare: a repository root with what `stack new service` reads and would change.
    const root = join(work, 'repo');
    mkdirSync(join(root, 'services'), { recursive: true });
    cpSync(
      join(REPO_ROOT, 'services/users/service.yaml'),
      join(root, 'services/users/service.yaml'),
    );
    cpSync(join(REPO_ROOT, 'service-templates'), join(root, 'service-templates'), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
    cpSync(join(REPO_ROOT, 'tsconfig.json'), join(root, 'tsconfig.json'));
    const before = snapshotTree(root);
    const stack = join(REPO_ROOT, 'platform/cli/bin/stack.js');

    // Act
    const cases = [
      ['Bad_Name', /service name "Bad_Name" must be lowercase kebab-case.*\(e\.g\. "bad-name"\)/],
      ['router', /service name "router" is reserved/],
      ['users', /service "users" already exists \(services\/users\/\)/],
    ] as const;
    for (const [name, message] of cases) {
      const outcome = run([
        stack,
        'new',
        'service',
        name,
        '--template',
        'graphql-subgraph',
        '--root',
        root,
      ]);

      // Assess
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toMatch(message);
    }
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses an invalid environment spec with file, line, path and reason, writing no output', () => {
    // Prepare: one valid and one broken EnvironmentSpec.
    const specs = join(work, 'specs');
    mkdirSync(specs);
    const envelope = [
      'proton: EnvironmentSpec',
      'template: stack-env@1',
      'account: "111111111111"',
      'region: eu-west-1',
      'wave: 1',
    ];
    writeFileSync(
      join(specs, 'integration.yaml'),
      [...envelope, 'spec:', '  domain: integration.example.com', ''].join('\n'),
    );
    writeFileSync(join(specs, 'broken.yaml'), [...envelope, 'spec:', '  waf: yes', ''].join('\n'));
    const out = join(work, 'cdk.out');

    // Act
    const outcome = run([
      TSX,
      join(REPO_ROOT, 'pipelines/src/synth.ts'),
      '--specs',
      specs,
      '--out',
      out,
    ]);

    // Assess
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('invalid environment specs (1 problem):');
    expect(outcome.stderr).toMatch(/broken\.yaml:7:8 \/spec\/waf: must be boolean, got "yes"/);
    expect(existsSync(out)).toBe(false);
  });
});
