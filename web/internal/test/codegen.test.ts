// src/gql/ is generated from the supergraph and the operations in src/; committing a stale copy
// would ship types and persisted-document hashes that the router does not know.
import { describe, expect, it, jest } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GQL_DIR, generateGqlFiles } from '../codegen.js';

jest.setTimeout(120_000);

const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('Codegen: src/gql', () => {
  it('matches what npm run codegen generates now', async () => {
    // Act
    const generated = await generateGqlFiles();

    // Assess: the same files with the same text
    const committed = existsSync(join(appDir, GQL_DIR))
      ? readdirSync(join(appDir, GQL_DIR))
          .map((name) => join(GQL_DIR, name))
          .sort()
      : [];
    const drifted = generated
      .filter(
        (file) =>
          !existsSync(join(appDir, file.path)) ||
          readFileSync(join(appDir, file.path), 'utf8') !== file.content,
      )
      .map((file) => file.path);
    const extra = committed.filter((path) => !generated.some((file) => file.path === path));
    expect({
      drifted,
      extra,
      fix:
        drifted.length + extra.length > 0
          ? 'src/gql is stale: run npm run codegen and commit the result'
          : 'none',
    }).toEqual({ drifted: [], extra: [], fix: 'none' });
  });

  it('keys each persisted document by the sha256 of its text', async () => {
    // Prepare
    const { createHash } = await import('node:crypto');
    const manifest = JSON.parse(
      readFileSync(join(appDir, GQL_DIR, 'persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;

    // Assess
    expect(Object.keys(manifest).length).toBeGreaterThan(0);
    for (const [hash, text] of Object.entries(manifest)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    }
  });
});
