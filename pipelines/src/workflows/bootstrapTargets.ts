import { join } from 'node:path';
import { ACCOUNT_PURPOSES, type AccountPurpose, type Accounts } from '../accounts/Accounts.js';
import { loadAccounts } from '../accounts/loadAccounts.js';
import { loadPreviewSpec } from '../preview/previewSpec.js';
import { loadEnvironmentSpecs } from '../specs/loadEnvironmentSpecs.js';

/** One account `cdk bootstrap` prepares, in every region something deploys into it. */
export interface BootstrapTarget {
  readonly purpose: AccountPurpose;
  readonly account: string;
  /** Sorted; at least one. */
  readonly regions: readonly string[];
}

/** Where a stack-env@1 environment with `waf: true` puts its web ACL: CloudFront's region. */
const WEB_ACL_REGION = 'us-east-1';

/**
 * Every account of pipelines/accounts.yaml with the regions to bootstrap: those of the
 * environments (and the preview) deployed into it, us-east-1 too where one has a WAF, and the
 * pipeline's region for the pipeline account and for accounts nothing deploys into yet.
 */
export function bootstrapTargets(repoRoot: string): {
  readonly accounts: Accounts;
  readonly targets: BootstrapTarget[];
} {
  const accounts = loadAccounts(join(repoRoot, 'pipelines', 'accounts.yaml'));
  const templatesRoot = join(repoRoot, 'environment-templates');
  const environments = [
    ...loadEnvironmentSpecs(join(repoRoot, 'pipelines', 'environments'), templatesRoot),
    loadPreviewSpec(1, join(repoRoot, 'pipelines', 'previews'), templatesRoot),
  ];
  const targets = ACCOUNT_PURPOSES.map((purpose) => {
    const account = accounts.accounts[purpose];
    const regions = new Set<string>();
    if (account === accounts.pipeline.accountId) regions.add(accounts.pipeline.region);
    for (const environment of environments.filter((each) => each.account === account)) {
      regions.add(environment.region);
      if (environment.inputs.waf) regions.add(WEB_ACL_REGION);
    }
    if (regions.size === 0) regions.add(accounts.pipeline.region);
    return { purpose, account, regions: [...regions].sort() };
  });
  return { accounts, targets };
}
