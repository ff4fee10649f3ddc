import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSubgraphs, subgraphServiceNames } from '../../src/index.js';

describe('Function: loadSubgraphs', () => {
  const root = mkdtempSync(join(tmpdir(), 'stack-local-services-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function service(name: string, spec: string, subgraph?: string): void {
    mkdirSync(join(root, name, 'src'), { recursive: true });
    writeFileSync(join(root, name, 'service.yaml'), spec);
    if (subgraph !== undefined) writeFileSync(join(root, name, 'src', 'subgraph.ts'), subgraph);
  }

  it('finds the repository’s subgraph services from their specs', () => {
    expect(subgraphServiceNames()).toEqual(
      expect.arrayContaining(['products', 'reviews', 'users']),
    );
    expect(subgraphServiceNames()).not.toContain('router');
  });

  it('builds each subgraph by its create<Name>Subgraph export', async () => {
    // Act
    const subgraphs = await loadSubgraphs('some-table');

    // Assess
    expect([...subgraphs.keys()]).toEqual(subgraphServiceNames());
    expect(subgraphs.get('users')?.name).toBe('users');
  });

  it('leaves out services of other templates and names a subgraph without the export', async () => {
    // Prepare
    service('worker', 'proton: ServiceSpec\ntemplate: event-worker@1\nspec: {}\n');
    service(
      'stock-levels',
      'proton: ServiceSpec\ntemplate: graphql-subgraph@1 # the inventory\nspec: {}\n',
      'export const somethingElse = 1;\n',
    );

    // Act + Assess
    expect(subgraphServiceNames(root)).toEqual(['stock-levels']);
    await expect(loadSubgraphs('t', root)).rejects.toThrow(
      /stock-levels\/src\/subgraph\.ts does not export createStockLevelsSubgraph\(config\)/,
    );
  });
});
