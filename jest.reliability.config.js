// `npm run test:reliability`: the system-level failure scenarios of platform/bench/reliability
// (subgraph outages, DynamoDB restarts, poison and duplicate messages, a bounded load, hostile
// input). Kept out of `npm test` (jest.config.js only matches test/ folders) because the load
// scenario alone runs for a minute. Same transform and global DynamoDB Local as jest.config.js.
import { join } from 'node:path';
import { repoRoot } from './scripts/workspaces.mjs';

const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      displayName: 'reliability',
      rootDir: join(repoRoot, 'platform/bench'),
      testMatch: ['<rootDir>/reliability/**/*.reliability.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      extensionsToTreatAsEsm: ['.ts'],
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
      transform: { '^.+\\.ts$': swc },
      testEnvironment: 'node',
    },
  ],
  // One file at a time: the load scenario measures latency and memory, which a scenario
  // running beside it on a 2-core machine would distort.
  maxWorkers: 1,
  testTimeout: 180_000,
  globalSetup: '<rootDir>/scripts/jest/globalSetup.mjs',
  globalTeardown: '<rootDir>/scripts/jest/globalTeardown.mjs',
};
