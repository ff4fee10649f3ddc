import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEnvironmentAccounts, loadAccounts } from '../../src/accounts/loadAccounts.js';
import { loadEnvironmentSpecs } from '../../src/specs/loadEnvironmentSpecs.js';
import { defaultSpecsDir, defaultTemplatesRoot } from '../../src/paths.js';

const VALID = `accounts:
  integration: '111111111111'
  production-single-tenant: '222222222222'
  production-multi-tenant: '333333333333'
  preview: '444444444444'
  developer: '555555555555'
  monitoring: '666666666666'
  logs: '777777777777'
pipeline:
  account: integration
  region: eu-west-1
  githubRoleName: stack-github-deploy
`;

describe('Function: loadAccounts (pipelines/accounts.yaml)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  function file(text: string): string {
    dir = mkdtempSync(join(tmpdir(), 'stack-accounts-'));
    const path = join(dir, 'accounts.yaml');
    writeFileSync(path, text);
    return path;
  }

  it('reads the shipped file, with the OIDC role of the pipeline account', () => {
    const accounts = loadAccounts();
    expect(Object.keys(accounts.accounts)).toHaveLength(7);
    expect(accounts.pipeline.githubRoleArn).toBe(
      `arn:aws:iam::${accounts.accounts.integration}:role/stack-github-deploy`,
    );
  });

  it('lists every problem with line, column and path', () => {
    // Prepare: an unquoted id (YAML reads a number), a reused id, an unknown purpose.
    const path = file(
      VALID.replace("preview: '444444444444'", 'preview: 444444444444')
        .replace("logs: '777777777777'", "logs: '666666666666'\n  sandbox: '888888888888'")
        .replace('account: integration', 'account: tooling'),
    );

    // Act + Assess
    expect(() => loadAccounts(path)).toThrow(
      new RegExp(
        [
          'invalid accounts file \\(4 problems\\):',
          'accounts.yaml:5:12 /accounts/preview: must be a 12-digit account id in quotes, got 444444444444',
          'accounts.yaml:8:9 /accounts/logs: is the same account as monitoring; one account per purpose',
          'accounts.yaml:9:12 /accounts/sandbox: unknown purpose "sandbox"',
          'accounts.yaml:11:12 /pipeline/account: must name one of the purposes',
        ].join('[\\s\\S]*'),
      ),
    );
  });

  it('refuses an environment whose account is not listed, naming the spec file', () => {
    // Prepare
    const environments = loadEnvironmentSpecs(defaultSpecsDir, defaultTemplatesRoot);
    const accounts = loadAccounts(
      file(VALID.replace("integration: '111111111111'", "integration: '999999999999'")),
    );

    // Act + Assess: local (000000000000) never deploys and is exempt.
    expect(() => checkEnvironmentAccounts(environments, accounts)).toThrow(
      /integration\.yaml:\d+:\d+ \/account: account 111111111111 is not in pipelines\/accounts\.yaml/,
    );
    expect(() => checkEnvironmentAccounts(environments, loadAccounts())).not.toThrow();
  });
});
