import { ACCOUNT_PURPOSES } from '../accounts/Accounts.js';
import {
  ACCOUNT_BOOTSTRAP_ROLE_NAME,
  BOOTSTRAP_ENVIRONMENT,
  GITHUB_BOOTSTRAP_ROLE_NAME,
} from '../bootstrap/githubAccess.js';
import { repoRoot as defaultRepoRoot } from '../paths.js';
import { bootstrapTargets } from './bootstrapTargets.js';
import { assumeRoleStep, cdkEnv, checkoutStep, installStep, setupNodeStep } from './commonSteps.js';
import { script } from './script.js';
import type { Workflow, WorkflowJob } from './Workflow.js';
import type { WorkflowContext } from './WorkflowBuilder.js';

/**
 * What CloudFormation may do when the CDK deploys into a bootstrapped account. Administrator, as
 * `cdk bootstrap` defaults to, because the environment and service templates create IAM roles,
 * Lambda functions, CloudFront, Cognito, DynamoDB, EventBridge Pipes…; pipelines/README.md says
 * how to narrow it.
 */
export const CLOUDFORMATION_EXECUTION_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** The job id of one account's bootstrap. */
export function bootstrapJobId(purpose: string): string {
  return `bootstrap-${purpose}`;
}

/**
 * The script that checks the `accounts` input: `all`, or purposes of pipelines/accounts.yaml
 * separated by commas, without spaces (the jobs' conditions match `,<purpose>,`).
 */
export function checkAccountsInputScript(purposes: readonly string[]): string {
  return script(
    `known=" ${purposes.join(' ')} "`,
    'if [ "$ACCOUNTS" = all ]; then echo "bootstrapping every account"; exit 0; fi',
    'if [ -z "$ACCOUNTS" ] || [[ "$ACCOUNTS" == *[[:space:]]* ]]; then',
    `  echo "::error::accounts must be all or purposes separated by commas without spaces (e.g. integration,preview), got '$ACCOUNTS'"`,
    '  exit 1',
    'fi',
    'IFS=, read -r -a wanted <<< "$ACCOUNTS"',
    'status=0',
    'for purpose in "${wanted[@]}"; do',
    '  case "$known" in',
    '    *" $purpose "*) echo "bootstrapping $purpose" ;;',
    `    *) echo "::error::unknown account purpose '$purpose'; the purposes of pipelines/accounts.yaml are:$known"; status=1 ;;`,
    '  esac',
    'done',
    'exit "$status"',
  );
}

/**
 * `.github/workflows/bootstrap.yml` (issue #8): on demand, runs `cdk bootstrap` in the accounts
 * of pipelines/accounts.yaml (all, or those named), each in the regions its environments use,
 * trusting the pipeline account; then deploys the pipeline account's GitHub OIDC provider and
 * roles (pipelines/src/bootstrap/GitHubOidcStack.ts). Each account's job runs in the GitHub
 * environment `bootstrap`, the only one whose token the bootstrap role accepts.
 */
export function bootstrapWorkflow(
  context: WorkflowContext = { repoRoot: defaultRepoRoot },
): Workflow {
  const { accounts, targets } = bootstrapTargets(context.repoRoot);
  const { pipeline } = accounts;
  const pipelinePurpose = pipeline.account;

  const accountJob = (target: (typeof targets)[number]): WorkflowJob => ({
    name: `Bootstrap ${target.purpose} (${target.account}: ${target.regions.join(', ')})`,
    'runs-on': 'ubuntu-latest',
    needs: ['check-input'],
    if: `inputs.accounts == 'all' || contains(format(',{0},', inputs.accounts), ',${target.purpose},')`,
    environment: BOOTSTRAP_ENVIRONMENT,
    'timeout-minutes': 30,
    steps: [
      checkoutStep(),
      setupNodeStep(),
      installStep(),
      assumeRoleStep({
        name: `Assume ${GITHUB_BOOTSTRAP_ROLE_NAME} (OIDC, environment ${BOOTSTRAP_ENVIRONMENT})`,
        roleArn: `arn:aws:iam::${pipeline.accountId}:role/${GITHUB_BOOTSTRAP_ROLE_NAME}`,
        region: pipeline.region,
        sessionName: `bootstrap-${target.purpose}`,
      }),
      assumeRoleStep({
        name: `Assume ${ACCOUNT_BOOTSTRAP_ROLE_NAME} in ${target.purpose}`,
        roleArn: `arn:aws:iam::${target.account}:role/${ACCOUNT_BOOTSTRAP_ROLE_NAME}`,
        region: target.regions[0] ?? pipeline.region,
        sessionName: `bootstrap-${target.purpose}`,
        chained: true,
      }),
      {
        name: 'cdk bootstrap',
        env: cdkEnv(),
        // From the repository root, where no cdk.json makes the CLI synthesize an app first.
        run: script(
          [
            'npx cdk bootstrap',
            ...target.regions.map((region) => `aws://${target.account}/${region}`),
            `--trust ${pipeline.accountId}`,
            `--cloudformation-execution-policies ${CLOUDFORMATION_EXECUTION_POLICY}`,
            '--no-notices',
          ].join(' '),
        ),
      },
    ],
  });

  const pipelineJob = bootstrapJobId(pipelinePurpose);
  return {
    name: 'Bootstrap AWS accounts',
    'run-name': 'Bootstrap ${{ inputs.accounts }}',
    on: {
      workflow_dispatch: {
        inputs: {
          accounts: {
            type: 'string',
            description: `Account purposes from pipelines/accounts.yaml, comma-separated without spaces (${ACCOUNT_PURPOSES.join(',')}), or all`,
            required: true,
            default: 'all',
          },
          'github-oidc': {
            type: 'boolean',
            description:
              'Deploy the GitHub OIDC provider and roles into the pipeline account afterwards',
            default: true,
          },
        },
      },
    },
    permissions: { contents: 'read', 'id-token': 'write' },
    concurrency: { group: 'bootstrap', 'cancel-in-progress': false },
    jobs: {
      'check-input': {
        name: 'Check the accounts input',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 5,
        defaults: { run: { shell: 'bash' } },
        steps: [
          {
            name: 'Check the accounts input',
            id: 'check',
            env: { ACCOUNTS: '${{ inputs.accounts }}' },
            run: checkAccountsInputScript(ACCOUNT_PURPOSES),
          },
        ],
      },
      ...Object.fromEntries(
        targets.map((target) => [bootstrapJobId(target.purpose), accountJob(target)]),
      ),
      'github-oidc': {
        name: `Deploy the GitHub OIDC provider and roles (${pipelinePurpose}, ${pipeline.accountId})`,
        'runs-on': 'ubuntu-latest',
        needs: ['check-input', pipelineJob],
        // After the pipeline account's bootstrap when it ran; also when it was not selected.
        if: `\${{ !cancelled() && inputs.github-oidc && needs.check-input.result == 'success' && needs.${pipelineJob}.result != 'failure' }}`,
        'timeout-minutes': 20,
        steps: [
          checkoutStep(),
          setupNodeStep(),
          installStep(),
          assumeRoleStep({
            name: `Assume ${pipeline.githubRoleName} (OIDC, no static keys)`,
            roleArn: pipeline.githubRoleArn,
            region: pipeline.region,
            sessionName: 'bootstrap-github-oidc',
          }),
          {
            name: 'Deploy GitHubOidcStack (cdk deploy)',
            env: cdkEnv(),
            run: script(
              'npx cdk deploy --app "npx tsx pipelines/src/bootstrap/githubOidcApp.ts" --all --require-approval never --no-notices --output .stack/github-oidc/cdk.out',
            ),
          },
        ],
      },
    },
  };
}
