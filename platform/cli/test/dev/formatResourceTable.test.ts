import { describe, expect, it } from '@jest/globals';
import type { LocalResources } from '@stack/local';
import { formatResourceTable } from '../../src/dev/formatResourceTable.js';

const resources = (runsFrom: LocalResources['runsFrom'], entry: string): LocalResources => ({
  assembly: { directory: `/repo/.stack/cdk.out/local-${runsFrom}`, cached: false },
  tables: ['local-Environment-Table'],
  queues: [],
  topics: [],
  buses: ['stack-local'],
  rules: [],
  runsFrom,
  functions: { 'stack-local-products': entry },
  conflictingVariables: [],
});

describe('Function: formatResourceTable', () => {
  it('says functions run from their bundles, and lists each bundle, with --bundled', () => {
    const table = formatResourceTable(
      resources('bundles', '/repo/.stack/cdk.out/local-bundled/asset.abc/index.mjs'),
      '/repo',
    );

    expect(table).toContain('Functions, each from its esbuild bundle (no reload on change) (1)');
    expect(table).toContain(
      'stack-local-products  .stack/cdk.out/local-bundled/asset.abc/index.mjs',
    );
  });

  it('says functions run from their sources otherwise', () => {
    const table = formatResourceTable(
      resources('source', '/repo/services/products/src/handler.ts'),
      '/repo',
    );

    expect(table).toContain('Functions, from their sources (1)');
    expect(table).toContain('stack-local-products  services/products/src/handler.ts');
  });
});
