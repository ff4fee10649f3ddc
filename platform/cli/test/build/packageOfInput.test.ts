import { describe, expect, it } from '@jest/globals';
import { packageOfInput } from '../../src/build/packageOfInput.js';

describe('packageOfInput', () => {
  it('groups a dependency file under its package name', () => {
    expect(packageOfInput('node_modules/graphql/execution/execute.mjs')).toBe('graphql');
  });

  it('keeps the scope of a scoped package', () => {
    expect(packageOfInput('node_modules/@apollo/gateway/dist/index.js')).toBe('@apollo/gateway');
  });

  it('groups a nested dependency under the innermost package', () => {
    expect(
      packageOfInput('node_modules/@apollo/gateway/node_modules/lru-cache/dist/index.js'),
    ).toBe('lru-cache');
  });

  it("groups the repository's own source under its workspace folder", () => {
    expect(packageOfInput('services/router/src/limits/index.ts')).toBe('services/router');
    expect(packageOfInput('platform/kit/src/index.ts')).toBe('platform/kit');
  });
});
