import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultAccountsFile, loadAccounts } from '../../src/accounts/loadAccounts.js';

describe('github.repository in pipelines/accounts.yaml', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  /** The shipped file with its github section replaced by `github`. */
  function file(github: string): string {
    dir = mkdtempSync(join(tmpdir(), 'stack-accounts-'));
    const shipped = readFileSync(defaultAccountsFile, 'utf8');
    const path = join(dir, 'accounts.yaml');
    writeFileSync(path, shipped.replace(/^github:\n {2}repository: .*\n/m, github));
    return path;
  }

  it('names the repository whose workflows the GitHub roles trust', () => {
    // Act + Assess
    expect(loadAccounts().github).toEqual({ repository: 'acme/the-stack' });
  });

  it('is optional until bootstrap needs it', () => {
    // Act + Assess
    expect(loadAccounts(file('')).github).toBeUndefined();
  });

  it('must be owner/name, and nothing else goes under github', () => {
    // Prepare
    const path = file('github:\n  repository: https://github.com/acme/the-stack\n  team: x\n');

    // Act + Assess
    expect(() => loadAccounts(path)).toThrow(
      new RegExp(
        [
          'invalid accounts file \\(2 problems\\)',
          '/github/repository: must be the GitHub repository as owner/name \\(e\\.g\\. acme/the-stack\\), got "https://github\\.com/acme/the-stack"',
          '/github/team: unknown key "team" \\(repository\\)',
        ].join('[\\s\\S]*'),
      ),
    );
  });
});
