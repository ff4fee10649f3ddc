import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNewService, type NewServiceOptions } from '../../src/new/runNewService.js';
import { defaultRepoRoot } from '../../src/repoRoot.js';

// Composition and the API change report take a few seconds.
jest.setTimeout(60_000);

const REPO = defaultRepoRoot();

/** A temp copy of what `stack new service` reads: subgraph schemas, generated modules, templates. */
function tempRepoCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'stack-new-test-'));
  const copy = (path: string) => {
    if (existsSync(join(REPO, path)))
      cpSync(join(REPO, path), join(root, path), { recursive: true });
  };
  // The names these tests create are left out: a team may have created a service of the same
  // name in this repository (the README's walkthrough creates `inventory`).
  const created = new Set(['inventory', 'catalog']);
  for (const service of readdirSync(join(REPO, 'services')).filter((name) => !created.has(name))) {
    copy(`services/${service}/schema.graphql`);
    copy(`services/${service}/src/__generated__`);
    copy(`services/${service}/service.yaml`);
  }
  copy('services/router/supergraph.graphql');
  copy('services/router/src/__generated__');
  copy('service-templates');
  copy('tsconfig.json');
  return root;
}

/** Every file under a folder with its content, to prove nothing changed. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(root, path), 'utf8');
    }
  };
  walk('');
  return files;
}

async function run(root: string, options: Partial<NewServiceOptions> & { name: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runNewService(
    { repoRoot: root, template: 'graphql-subgraph', ...options },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('Command: stack new service', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it.each([
    ['Inventory_1', 'service name "Inventory_1" must be lowercase kebab-case'],
    ['users', 'service "users" already exists (services/users/)'],
    ['router', 'service name "router" is reserved'],
    ['x', 'service name "x" is 1 character long; it must be 2-40'],
    ['a'.repeat(41), 'it must be 2-40'],
  ])('refuses the name %s with a precise message and writes nothing', async (name, message) => {
    // Prepare
    root = tempRepoCopy();
    const before = snapshot(root);

    // Act
    const result = await run(root, { name });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses an unknown template, listing the available ones, and writes nothing', async () => {
    // Prepare
    root = tempRepoCopy();
    const before = snapshot(root);

    // Act
    const result = await run(root, { name: 'inventory', template: 'grpc-service' });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'unknown service template "grpc-service" (available: event-worker, graphql-subgraph;',
    );
    expect(snapshot(root)).toEqual(before);
  });

  it('writes nothing when the new schema does not compose (a type name already taken)', async () => {
    // Prepare
    root = tempRepoCopy();
    const before = snapshot(root);

    // Act
    const result = await run(root, { name: 'catalog', entity: 'Product' });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(snapshot(root)).toEqual(before);
  });

  it('renders a service that composes with the existing subgraphs and prints the next steps', async () => {
    // Prepare
    root = tempRepoCopy();

    // Act
    const result = await run(root, { name: 'inventory', owner: 'team-stock' });

    // Assess
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const files = Object.keys(snapshot(join(root, 'services', 'inventory'))).sort();
    expect(files).toEqual([
      'package.json',
      'schema.graphql',
      'service.yaml',
      'src/InventoryContext.ts',
      'src/InventoryRecord.ts',
      'src/InventoryRepository.ts',
      'src/__generated__/typeDefs.ts',
      'src/handler.ts',
      'src/index.ts',
      'src/resolvers.ts',
      'src/subgraph.ts',
      'test/inventory.test.ts',
      'tsconfig.json',
    ]);
    const read = (path: string) => readFileSync(join(root ?? '', path), 'utf8');
    expect(read('services/inventory/service.yaml')).toContain('owner: team-stock');
    expect(read('services/inventory/package.json')).toContain('"name": "@stack/inventory"');
    expect(read('services/inventory/src/subgraph.ts')).not.toMatch(
      /__(name|Name|entity|Entity|ENTITY|owner)__/,
    );
    expect(read('services/router/supergraph.graphql')).toMatch(/type Inventory\b/);
    expect(read('services/router/supergraph.graphql')).toContain('INVENTORY @join__graph');
    expect(read('services/router/src/__generated__/supergraph.ts')).toContain('Inventory');
    expect(JSON.parse(read('tsconfig.json'))).toMatchObject({
      references: expect.arrayContaining([{ path: 'services/inventory' }]),
    });
    expect(result.stdout).toContain('npm install');
    expect(result.stdout).toContain('git switch -c service/inventory');
  });
});
