import { join } from 'node:path';
import { loadAccounts } from '../accounts/loadAccounts.js';
import { repoRoot as defaultRepoRoot } from '../paths.js';
import { loadPreviewSpec } from '../preview/previewSpec.js';
import {
  assumeRoleStep,
  cdkBootstrapRoleArn,
  checkoutStep,
  installStep,
  setupNodeStep,
} from './commonSteps.js';
import { script } from './script.js';
import type { Workflow } from './Workflow.js';
import type { WorkflowContext } from './WorkflowBuilder.js';

const STACKS_FILE = '$RUNNER_TEMP/stacks.json';
const PLAN_FILE = '$RUNNER_TEMP/sweep-plan.txt';

/**
 * The deletion step's script: the plan holds one line per phase (service stacks, then
 * environment stacks); each phase is deleted, and waited for, before the next starts.
 */
export const DELETE_PLAN_SCRIPT = script(
  'while read -r -a stacks; do',
  '  [ "${#stacks[@]}" -gt 0 ] || continue',
  '  for stack in "${stacks[@]}"; do',
  '    echo "deleting $stack"',
  '    aws cloudformation delete-stack --stack-name "$stack" --role-arn "$CFN_EXEC_ROLE"',
  '  done',
  '  for stack in "${stacks[@]}"; do',
  '    aws cloudformation wait stack-delete-complete --stack-name "$stack"',
  '    echo "deleted $stack"',
  '  done',
  `done < "${PLAN_FILE}"`,
);

/**
 * `.github/workflows/preview-sweeper.yml` (issue #8): once a day, deletes the preview stacks
 * (tagged `stack:preview-expires`) whose pull request is closed or merged, or whose expiry date
 * has passed: what preview.yml's destroy missed (a failed destroy, a fork, a workflow outage)
 * and previews nobody pushed to for a week. pipelines/src/preview/sweepPreviews.ts decides;
 * the AWS CLI lists and deletes, as the CDK's deploy role of the preview account.
 */
export function previewSweeperWorkflow(
  context: WorkflowContext = { repoRoot: defaultRepoRoot },
): Workflow {
  const root = context.repoRoot;
  const accounts = loadAccounts(join(root, 'pipelines', 'accounts.yaml'));
  const { account, region } = loadPreviewSpec(
    1,
    join(root, 'pipelines', 'previews'),
    join(root, 'environment-templates'),
  );
  return {
    name: 'Sweep preview environments',
    on: {
      workflow_dispatch: {
        inputs: {
          'dry-run': {
            type: 'boolean',
            description: 'Only list what would be deleted',
            default: false,
          },
        },
      },
      // Daily, at an odd minute: on the hour GitHub's scheduler is busiest and runs start late.
      schedule: [{ cron: '17 4 * * *' }],
    },
    // OIDC for AWS; reading pull request states.
    permissions: { contents: 'read', 'id-token': 'write', 'pull-requests': 'read' },
    concurrency: { group: 'preview-sweeper', 'cancel-in-progress': false },
    jobs: {
      sweep: {
        name: `Delete previews of closed pull requests and expired previews (${account}, ${region})`,
        'runs-on': 'ubuntu-latest',
        // Deleting a CloudFront distribution alone can take a quarter of an hour.
        'timeout-minutes': 90,
        defaults: { run: { shell: 'bash' } },
        steps: [
          checkoutStep(),
          setupNodeStep(),
          installStep(),
          assumeRoleStep({
            name: `Assume ${accounts.pipeline.githubRoleName} (OIDC, no static keys)`,
            roleArn: accounts.pipeline.githubRoleArn,
            region,
            sessionName: 'preview-sweeper',
          }),
          assumeRoleStep({
            // The role cdk deploy and destroy use in the preview account: it may list and
            // delete stacks, with CloudFormation's execution role doing the deleting.
            name: 'Assume the CDK deploy role of the preview account',
            roleArn: cdkBootstrapRoleArn('deploy', account, region),
            region,
            sessionName: 'preview-sweeper',
            chained: true,
          }),
          {
            name: 'Decide which previews to delete',
            id: 'plan',
            env: {
              GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
              GH_REPO: '${{ github.repository }}',
              DRY_RUN: '${{ inputs.dry-run == true }}',
            },
            run: script(
              `aws cloudformation describe-stacks --output json > "${STACKS_FILE}"`,
              'dry_run=()',
              'if [ "$DRY_RUN" = true ]; then dry_run=(--dry-run); fi',
              `npx tsx pipelines/src/preview/sweepPreviews.ts --stacks "${STACKS_FILE}" --plan "${PLAN_FILE}" "\${dry_run[@]}" | tee -a "$GITHUB_STEP_SUMMARY"`,
            ),
          },
          {
            name: 'Delete them',
            if: '${{ !inputs.dry-run }}',
            env: { CFN_EXEC_ROLE: cdkBootstrapRoleArn('cfn-exec', account, region) },
            run: DELETE_PLAN_SCRIPT,
          },
        ],
      },
    },
  };
}
