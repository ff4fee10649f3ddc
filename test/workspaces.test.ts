import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listWorkspaces, repoRoot } from '../scripts/workspaces.mjs';

interface Workspace {
  dir: string;
  name: string;
}
interface TsConfig {
  references?: { path: string }[];
  compilerOptions?: { rootDir?: string };
}

const workspaces: Workspace[] = listWorkspaces();
const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as T;

describe('Repository: workspaces', () => {
  it('finds the workspaces the package.json globs name', () => {
    expect(workspaces.map((workspace) => workspace.dir)).toContain('platform/cli');
  });

  it('references every TypeScript workspace from the root tsconfig, so typecheck covers it', () => {
    const referenced = (readJson<TsConfig>('tsconfig.json').references ?? [])
      .map((ref) => ref.path)
      .filter((path) => path !== 'test');
    const typed = workspaces.filter((workspace) =>
      existsSync(join(repoRoot, workspace.dir, 'tsconfig.json')),
    );
    expect(referenced.sort()).toEqual(typed.map((workspace) => workspace.dir).sort());
  });

  it('gives every workspace tsconfig an explicit rootDir', () => {
    for (const workspace of workspaces) {
      const path = join(workspace.dir, 'tsconfig.json');
      if (!existsSync(join(repoRoot, path))) continue;
      expect({ path, rootDir: readJson<TsConfig>(path).compilerOptions?.rootDir }).toEqual({
        path,
        rootDir: '.',
      });
    }
  });

  it('names every workspace package in the @stack scope', () => {
    for (const workspace of workspaces) expect(workspace.name).toMatch(/^@stack\/[a-z0-9-]+$/);
  });
});
