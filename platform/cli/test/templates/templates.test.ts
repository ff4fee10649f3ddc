import { afterEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRepoRoot } from '../../src/repoRoot.js';
import { runTemplatesList, runTemplatesOutdated } from '../../src/templates/runTemplates.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** A repo with graphql-subgraph v1 and a copy of it as v2, and services on either. */
function tempRepo(services: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'stack-templates-'));
  const v1 = join(defaultRepoRoot(), 'service-templates/graphql-subgraph/v1/schema');
  for (const major of ['v1', 'v2']) {
    cpSync(v1, join(root, 'service-templates/graphql-subgraph', major, 'schema'), {
      recursive: true,
    });
  }
  for (const [name, template] of Object.entries(services)) {
    mkdirSync(join(root, 'services', name), { recursive: true });
    writeFileSync(
      join(root, 'services', name, 'service.yaml'),
      `proton: ServiceSpec\ntemplate: ${template}\nspec:\n  owner: team-${name}\n`,
    );
  }
  return root;
}

describe('Command: stack templates', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('lists every template version with the services that use it', () => {
    // Prepare
    root = tempRepo({ users: 'graphql-subgraph@1', reviews: 'graphql-subgraph@2' });
    const output = capture();

    // Act
    const code = runTemplatesList(root, output.io);

    // Assess
    expect(code).toBe(0);
    expect(output.stdout()).toBe(
      [
        'TEMPLATE            SERVICES',
        'graphql-subgraph@1  users',
        'graphql-subgraph@2  reviews',
        '',
      ].join('\n'),
    );
  });

  it('lists services behind the newest major, with the command that upgrades them', () => {
    // Prepare
    root = tempRepo({ users: 'graphql-subgraph@1', reviews: 'graphql-subgraph@2' });
    const output = capture();

    // Act
    const code = runTemplatesOutdated(root, output.io);

    // Assess
    expect(code).toBe(0);
    expect(output.stdout()).toBe(
      [
        'SERVICE  CURRENT             NEWEST              UPGRADE WITH',
        'users    graphql-subgraph@1  graphql-subgraph@2  stack upgrade users --to 2',
        '',
      ].join('\n'),
    );
  });

  it('says so when every service is current, and fails on a template that does not exist', () => {
    // Prepare
    root = tempRepo({ users: 'graphql-subgraph@2', ghost: 'event-worker@1' });
    const output = capture();

    // Act
    const code = runTemplatesOutdated(root, output.io);

    // Assess
    expect(code).toBe(1);
    expect(output.stdout()).toBe('every service is on the newest major of its template\n');
    expect(output.stderr()).toBe(
      'ghost: template event-worker does not exist under service-templates/\n',
    );
  });
});
