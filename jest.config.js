// One jest project per workspace that has a test/ folder. Tests are TypeScript ES modules,
// transformed by swc; jest runs them as native ESM (--experimental-vm-modules, set by
// scripts/run-tests.mjs).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listWorkspaces, repoRoot } from './scripts/workspaces.mjs';

const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** @param {{ dir: string, name: string }} workspace */
function project(workspace) {
  return {
    displayName: workspace.name,
    rootDir: join(repoRoot, workspace.dir),
    testMatch: ['<rootDir>/test/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/cdk.out/'],
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: { '^.+\\.ts$': swc },
    testEnvironment: 'node',
  };
}

/** @type {import('jest').Config} */
export default {
  projects: [
    // Repo-wide checks (layout, generated files) live in the root test/ folder.
    project({ dir: '.', name: 'repo' }),
    ...listWorkspaces()
      .filter((workspace) => existsSync(join(repoRoot, workspace.dir, 'test')))
      .map(project),
  ],
  testTimeout: 30_000,
  globalSetup: '<rootDir>/scripts/jest/globalSetup.mjs',
  globalTeardown: '<rootDir>/scripts/jest/globalTeardown.mjs',
};
