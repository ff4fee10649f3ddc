// The CDK app of the pipeline account's GitHub access (GitHubOidcStack): the OIDC provider and
// the roles of pipelines/accounts.yaml. bootstrap.yml deploys it; the very first time, someone
// with administrator credentials in the pipeline account does (pipelines/README.md):
//   npx cdk deploy --app "npx tsx pipelines/src/bootstrap/githubOidcApp.ts"
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { resolve } from 'node:path';
import { loadAccounts } from '../accounts/loadAccounts.js';
import { repoRoot } from '../paths.js';
import { SpecError } from '../specs/SpecError.js';
import { GitHubOidcStack } from './GitHubOidcStack.js';

/** The stack's name in the pipeline account. */
export const GITHUB_OIDC_STACK_NAME = 'stack-github-oidc';

function fail(message: string): never {
  process.stderr.write(`github-oidc: ${message}\n`);
  process.exit(1);
}

let accounts;
try {
  accounts = loadAccounts();
} catch (error) {
  if (error instanceof SpecError) fail(error.message);
  throw error;
}
const repository = accounts.github?.repository;
if (repository === undefined) {
  fail(
    'pipelines/accounts.yaml has no github.repository: set it to the owner/name of this repository, whose workflows the roles will trust',
  );
}
// In a workflow, GitHub says which repository runs it: a fork that kept the original's name
// would otherwise hand its AWS accounts to the original's workflows.
const running = process.env.GITHUB_REPOSITORY;
if (running !== undefined && running !== '' && running !== repository) {
  fail(
    `pipelines/accounts.yaml names github.repository ${repository}, but this workflow runs in ${running}; set it to ${running}`,
  );
}

const app = new App({
  outdir: resolve(process.env.CDK_OUTDIR ?? `${repoRoot}/.stack/github-oidc/cdk.out`),
  analyticsReporting: false,
  context: { '@aws-cdk/core:appMode': 'inmemory' },
});
new GitHubOidcStack(app, 'GitHubOidc', {
  stackName: GITHUB_OIDC_STACK_NAME,
  env: { account: accounts.pipeline.accountId, region: accounts.pipeline.region },
  repository,
  roleName: accounts.pipeline.githubRoleName,
  accountIds: [...new Set(Object.values(accounts.accounts))],
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
try {
  app.synth();
} catch (error) {
  if (error instanceof Error && error.name === 'ValidationFailed') fail(error.message);
  throw error;
}
