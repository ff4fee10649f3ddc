import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESM_REQUIRE_BANNER } from '../infrastructure/esmRequireBanner.js';
import { REPOSITORY_ROOT } from '../infrastructure/repositoryPaths.js';

describe('ESM_REQUIRE_BANNER', () => {
  it('is still the banner `stack build` uses (platform/cli), line for line', () => {
    // Prepare: read the CLI's source as text; templates never import developer tooling.
    const source = readFileSync(
      join(REPOSITORY_ROOT, 'platform/cli/src/build/esmRequireBanner.ts'),
      'utf8',
    );
    const cliLines = [...source.matchAll(/^\s+(['"])(.*)\1,$/gm)].map((match) => match[2]);

    // Act
    const lines = ESM_REQUIRE_BANNER.split('\n');

    // Assess
    expect(lines).toEqual(cliLines);
  });
});
