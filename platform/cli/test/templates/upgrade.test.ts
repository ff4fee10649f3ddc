import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUpgrade } from '../../src/templates/runUpgrade.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** A repo with template `t` v1..v3 (v2 renames `memory` to `memorySize`) and service `users` on v1. */
function tempRepo(hook: string): string {
  const root = mkdtempSync(join(tmpdir(), 'stack-upgrade-'));
  for (const major of [1, 2, 3]) {
    const dir = join(root, 'service-templates/t', `v${major}`, 'schema');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'schema.yaml'), 'schema: {}\n');
  }
  mkdirSync(join(root, 'service-templates/t/v2/migrations'));
  writeFileSync(join(root, 'service-templates/t/v2/migrations/from-v1.ts'), hook);
  mkdirSync(join(root, 'services/users'), { recursive: true });
  writeFileSync(
    join(root, 'services/users/service.yaml'),
    'proton: ServiceSpec\ntemplate: t@1\nspec:\n  owner: team-users\n  memory: 256\n',
  );
  return root;
}

const RENAME = `export function migrate(text: string): string {
  return text.replace(/^  memory:/m, '  memorySize:');
}
`;

describe('Command: stack upgrade', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('runs the migration hook of each major passed and pins the new major', async () => {
    // Prepare
    root = tempRepo(RENAME);
    const output = capture();

    // Act
    const code = await runUpgrade({ repoRoot: root, service: 'users', to: 3 }, output.io);

    // Assess
    expect({ code, stderr: output.stderr() }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(join(root, 'services/users/service.yaml'), 'utf8')).toBe(
      'proton: ServiceSpec\ntemplate: t@3\nspec:\n  owner: team-users\n  memorySize: 256\n',
    );
    expect(output.stdout()).toContain('ran service-templates/t/v2/migrations/from-v1.ts');
    expect(output.stdout()).toContain('upgraded users: t@1 → t@3');
  });

  it('leaves service.yaml unchanged when a hook fails', async () => {
    // Prepare
    root = tempRepo('export function migrate(): string {\n  throw new Error("cannot");\n}\n');
    const before = readFileSync(join(root, 'services/users/service.yaml'), 'utf8');
    const output = capture();

    // Act
    const code = await runUpgrade({ repoRoot: root, service: 'users', to: 2 }, output.io);

    // Assess
    expect(code).toBe(1);
    expect(output.stderr()).toContain('from-v1.ts failed, service.yaml is unchanged: cannot');
    expect(readFileSync(join(root, 'services/users/service.yaml'), 'utf8')).toBe(before);
  });

  it('refuses an unknown major, a downgrade and an unknown service', async () => {
    // Prepare
    root = tempRepo(RENAME);
    const output = capture();

    // Act
    const codes = [
      await runUpgrade({ repoRoot: root, service: 'users', to: 9 }, output.io),
      await runUpgrade({ repoRoot: root, service: 'users', to: 1 }, output.io),
      await runUpgrade({ repoRoot: root, service: 'ghost', to: 2 }, output.io),
    ];

    // Assess
    expect(codes).toEqual([1, 1, 1]);
    expect(output.stderr()).toBe(
      [
        'stack upgrade: template t has no major 9 (available: 1, 2, 3)',
        'stack upgrade: users is on t@1 already; upgrades go to a newer major only',
        'stack upgrade: no service "ghost" with a services/ghost/service.yaml',
        '',
      ].join('\n'),
    );
  });
});
