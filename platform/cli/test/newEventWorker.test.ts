import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNewService, type NewServiceOptions } from '../src/new/runNewService.js';
import { defaultRepoRoot } from '../src/repoRoot.js';

// The last case typechecks, lints and tests the rendered worker in child processes.
jest.setTimeout(180_000);

const REPO = defaultRepoRoot();

/**
 * A temp copy of what `stack new service` reads (subgraph schemas, generated modules, templates,
 * tsconfig.json), plus what checking the rendered service needs: the base tsconfig, the
 * Prettier settings, and links to the repository's node_modules and platform/kit.
 */
function tempRepoCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'stack-new-worker-test-'));
  const copy = (path: string) => {
    if (existsSync(join(REPO, path))) {
      cpSync(join(REPO, path), join(root, path), { recursive: true });
    }
  };
  // A service of the name these tests create may exist in this repository already.
  for (const service of readdirSync(join(REPO, 'services')).filter((name) => name !== 'mailer')) {
    copy(`services/${service}/schema.graphql`);
    copy(`services/${service}/src/__generated__`);
    copy(`services/${service}/service.yaml`);
  }
  copy('services/router/supergraph.graphql');
  copy('services/router/src/__generated__');
  copy('service-templates');
  for (const file of ['tsconfig.json', 'tsconfig.base.json', '.prettierrc.json']) copy(file);
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'platform'));
  symlinkSync(join(REPO, 'platform', 'kit'), join(root, 'platform', 'kit'), 'dir');
  return root;
}

/** Every file under `<root>/<dir>` with its content. */
function snapshot(root: string, dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(join(root, path), { withFileTypes: true })) {
      const child = `${path}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else files[child] = readFileSync(join(root, child), 'utf8');
    }
  };
  walk(dir);
  return files;
}

async function run(root: string, options: Partial<NewServiceOptions> & { name: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runNewService(
    { repoRoot: root, template: 'event-worker', ...options },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Runs a Node script of the repository's node_modules in `cwd`. */
function node(cwd: string, script: string, args: readonly string[], nodeArgs: string[] = []) {
  const result = spawnSync(
    process.execPath,
    [...nodeArgs, join(REPO, 'node_modules', script), ...args],
    { cwd, env: process.env, encoding: 'utf8', timeout: 150_000 },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Command: stack new service --template event-worker', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('renders a worker, leaves the supergraph alone and prints the next steps', async () => {
    // Prepare
    root = tempRepoCopy();
    const router = snapshot(root, 'services/router');

    // Act
    const result = await run(root, { name: 'mailer', owner: 'team-mail' });

    // Assess
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const files = snapshot(root, 'services/mailer');
    expect(Object.keys(files).sort()).toEqual([
      'services/mailer/README.md',
      'services/mailer/package.json',
      'services/mailer/service.yaml',
      'services/mailer/src/handler.ts',
      'services/mailer/src/index.ts',
      'services/mailer/src/worker.ts',
      'services/mailer/test/mailer.test.ts',
      'services/mailer/tsconfig.json',
    ]);
    for (const [path, content] of Object.entries(files)) {
      expect({ path, placeholders: content.match(/__[A-Za-z]+__/g) }).toEqual({
        path,
        placeholders: null,
      });
    }
    expect(files['services/mailer/service.yaml']).toMatch(
      /^template: event-worker@1\nspec:\n {2}owner: team-mail\n/m,
    );
    expect(JSON.parse(files['services/mailer/package.json'] ?? '{}')).toMatchObject({
      name: '@stack/mailer',
    });
    expect(files['services/mailer/src/worker.ts']).toContain("export const SERVICE = 'mailer';");
    expect(snapshot(root, 'services/router')).toEqual(router);
    expect(JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'))).toMatchObject({
      references: expect.arrayContaining([{ path: 'services/mailer' }]),
    });
    expect(result.stdout).toContain(
      'created services/mailer/ from event-worker@1 (owner team-mail):',
    );
    expect(result.stdout).toContain('the supergraph is unchanged');
    expect(result.stdout).toContain(
      '  git add services/mailer tsconfig.json package-lock.json .github/workflows\n',
    );
    expect(result.stdout).not.toContain('services/router');
  });

  it('refuses --entity, which names a GraphQL type a worker does not have, and writes nothing', async () => {
    // Prepare
    root = tempRepoCopy();
    const before = {
      ...snapshot(root, 'services'),
      tsconfig: readFileSync(join(root, 'tsconfig.json'), 'utf8'),
    };

    // Act
    const result = await run(root, { name: 'mailer', template: 'event-worker@1', entity: 'Mail' });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'stack new service: --entity names the main GraphQL type, and event-worker@1 has no GraphQL schema; leave it out\n',
    );
    expect({
      ...snapshot(root, 'services'),
      tsconfig: readFileSync(join(root, 'tsconfig.json'), 'utf8'),
    }).toEqual(before);
  });

  it('renders a worker that passes Prettier, typed ESLint, tsc and its own DynamoDB Local test', async () => {
    // Prepare: a name of 39 characters, so every line that holds it must still fit Prettier's width.
    root = tempRepoCopy();
    const name = 'order-confirmation-mails-for-customers1';
    const service = `services/${name}`;
    expect((await run(root, { name, owner: 'team-orders' })).code).toBe(0);
    writeFileSync(
      join(root, 'jest.config.json'),
      JSON.stringify({
        rootDir: join(root, service),
        testMatch: ['<rootDir>/test/**/*.test.ts'],
        extensionsToTreatAsEsm: ['.ts'],
        moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
        transform: {
          '^.+\\.ts$': [
            '@swc/jest',
            {
              jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
              module: { type: 'es6' },
            },
          ],
        },
        testEnvironment: 'node',
      }),
    );

    // Act
    const prettier = node(root, 'prettier/bin/prettier.cjs', ['--check', service]);
    const eslint = node(root, 'eslint/bin/eslint.js', [
      '--config',
      join(REPO, 'eslint.config.js'),
      '--max-warnings',
      '0',
      service,
    ]);
    // Without the project reference's build: @stack/kit resolves to its sources.
    const tsc = node(root, 'typescript/bin/tsc', [
      '-p',
      `${service}/tsconfig.json`,
      '--noEmit',
      '--composite',
      'false',
      '--rootDir',
      '/',
    ]);
    const tests = node(
      root,
      'jest/bin/jest.js',
      ['--config', 'jest.config.json', '--ci'],
      ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
    );

    // Assess
    expect(prettier).toMatchObject({ code: 0 });
    expect(eslint).toEqual({ code: 0, output: '' });
    expect(tsc).toEqual({ code: 0, output: '' });
    expect(tests.output).toMatch(/Tests: +2 passed, 2 total/);
    expect(tests.code).toBe(0);
  });
});
