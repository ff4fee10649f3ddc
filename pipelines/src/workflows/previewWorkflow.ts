import { join } from 'node:path';
import { loadAccounts } from '../accounts/loadAccounts.js';
import { repoRoot as defaultRepoRoot } from '../paths.js';
import { loadPreviewSpec } from '../preview/previewSpec.js';
import { assumeRoleStep, cdkEnv, checkoutStep, installStep, setupNodeStep } from './commonSteps.js';
import { BUILD_WEB_EXPORTS_COMMAND, REQUIRE_WEB_EXPORTS_CONTEXT } from '../webExports.js';
import { upsertPreviewCommentLines } from './previewComment.js';
import { script } from './script.js';
import type { Workflow, WorkflowStep } from './Workflow.js';
import type { WorkflowContext } from './WorkflowBuilder.js';

/** The app every preview job runs, from `pipelines/` (whose cdk.json turns notices off). */
export const PREVIEW_APP = 'npx tsx src/preview/previewApp.ts';
/** Its cloud assembly, from the repository root (git-ignored; `stack cost` reads it). */
export const PREVIEW_CDK_OUT = '.stack/preview/cdk.out';
const OUTPUTS_FILE = '$RUNNER_TEMP/preview-outputs.json';
const COST_FILE = '$RUNNER_TEMP/preview-cost.json';
const COMMENT_FILE = '$RUNNER_TEMP/preview-comment.md';

/** Only pull requests from this repository: a fork's code never gets the AWS role. */
const SAME_REPOSITORY = 'github.event.pull_request.head.repo.full_name == github.repository';

/** Where the preview's jobs read their values: env only, never `${{ }}` in a script. */
const COMMENT_ENV = {
  GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
  REPOSITORY: '${{ github.repository }}',
  COMMIT: '${{ github.event.pull_request.head.sha }}',
  RUN_URL: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
  DOCS_URL: '${{ github.server_url }}/${{ github.repository }}/blob/HEAD/docs/previews.md',
};

/**
 * `.github/workflows/preview.yml` (issue #8): every pull request of this repository gets its
 * own environment `pr-<number>` (pipelines/previews/preview.yaml, docs/previews.md), deployed on
 * each push and smoke-tested, with one comment on the pull request holding its URLs and cost;
 * closing the pull request destroys it. The account and region come from the preview spec, the
 * role from pipelines/accounts.yaml.
 */
export function previewWorkflow(
  context: WorkflowContext = { repoRoot: defaultRepoRoot },
): Workflow {
  const root = context.repoRoot;
  const accounts = loadAccounts(join(root, 'pipelines', 'accounts.yaml'));
  const spec = loadPreviewSpec(
    1,
    join(root, 'pipelines', 'previews'),
    join(root, 'environment-templates'),
  );
  const setup = (): WorkflowStep[] => [
    setupNodeStep(),
    installStep(),
    assumeRoleStep({
      name: `Assume ${accounts.pipeline.githubRoleName} (OIDC, no static keys)`,
      roleArn: accounts.pipeline.githubRoleArn,
      region: spec.region,
      sessionName: 'preview-pr-${{ github.event.pull_request.number }}',
    }),
  ];
  const commentStep = (
    outcomes: Readonly<Record<string, string>>,
    flags: string[],
    create: boolean,
  ): WorkflowStep => ({
    name: create ? 'Post or update the preview comment' : 'Update the preview comment',
    id: 'comment',
    // Also after a failure, to say so; not without dependencies to run the script with.
    if: "${{ !cancelled() && steps.install.outcome == 'success' }}",
    env: { ...COMMENT_ENV, ...outcomes },
    run: script(
      [
        'npx tsx pipelines/src/preview/previewComment.ts --pr "$PREVIEW_PR" --commit "$COMMIT"',
        '--run-url "$RUN_URL" --docs-url "$DOCS_URL"',
        ...flags,
        `> "${COMMENT_FILE}"`,
      ].join(' '),
      ...upsertPreviewCommentLines({ bodyFile: COMMENT_FILE, create }),
    ),
  });

  return {
    name: 'Preview environment',
    'run-name': 'Preview pr-${{ github.event.pull_request.number }} (${{ github.event.action }})',
    on: { pull_request: { types: ['opened', 'synchronize', 'reopened', 'closed'] } },
    // OIDC for AWS, the comment on the pull request, reading the code.
    permissions: { contents: 'read', 'id-token': 'write', 'pull-requests': 'write' },
    // One deploy or destroy per pull request at a time, and none cancelled: a cdk deploy or
    // destroy stopped half-way leaves CloudFormation working on stacks the next run needs. A
    // waiting run is replaced by a newer one, so the last event wins.
    concurrency: {
      group: 'preview-${{ github.event.pull_request.number }}',
      'cancel-in-progress': false,
    },
    jobs: {
      deploy: {
        name: 'Deploy pr-${{ github.event.pull_request.number }}',
        'runs-on': 'ubuntu-latest',
        if: `github.event.action != 'closed' && ${SAME_REPOSITORY}`,
        // A new stack set takes long: CloudFront alone needs minutes.
        'timeout-minutes': 45,
        env: { PREVIEW_PR: '${{ github.event.pull_request.number }}' },
        defaults: { run: { shell: 'bash' } },
        steps: [
          checkoutStep(),
          ...setup(),
          {
            // The preview's sites deploy these exports; synth refuses to go without them.
            name: 'Build the web apps (next build)',
            run: BUILD_WEB_EXPORTS_COMMAND,
          },
          {
            name: 'Deploy the preview (cdk deploy)',
            id: 'deploy',
            'working-directory': 'pipelines',
            env: cdkEnv(),
            run: script(
              `npx cdk deploy --app "${PREVIEW_APP}" --all --require-approval never --progress events --context ${REQUIRE_WEB_EXPORTS_CONTEXT}=true --output "../${PREVIEW_CDK_OUT}" --outputs-file "${OUTPUTS_FILE}"`,
            ),
          },
          {
            // An estimate for the comment; a failure here must not fail the preview.
            name: 'Price the preview (stack cost)',
            id: 'cost',
            'continue-on-error': true,
            run: script(
              `npx stack cost --cdk-out ${PREVIEW_CDK_OUT} --specs pipelines/previews --env "pr-$PREVIEW_PR" --json > "${COST_FILE}"`,
            ),
          },
          {
            name: 'Smoke-test the preview (npm run smoke)',
            id: 'smoke',
            run: script(
              `SMOKE_API_URL=$(jq -r --arg stack "pr-$PREVIEW_PR-Environment" '.[$stack].ApiUrl // empty' "${OUTPUTS_FILE}")`,
              'if [ -z "$SMOKE_API_URL" ]; then',
              `  echo "::error::no ApiUrl output of stack pr-$PREVIEW_PR-Environment in ${OUTPUTS_FILE}"`,
              '  exit 1',
              'fi',
              'export SMOKE_API_URL',
              'npm run smoke',
            ),
          },
          commentStep(
            {
              DEPLOY_OUTCOME: '${{ steps.deploy.outcome }}',
              SMOKE_OUTCOME: '${{ steps.smoke.outcome }}',
            },
            [
              '--deploy-outcome "$DEPLOY_OUTCOME" --smoke-outcome "$SMOKE_OUTCOME"',
              `--outputs "${OUTPUTS_FILE}" --cost "${COST_FILE}"`,
            ],
            true,
          ),
        ],
      },
      destroy: {
        name: 'Destroy pr-${{ github.event.pull_request.number }}',
        'runs-on': 'ubuntu-latest',
        if: `github.event.action == 'closed' && ${SAME_REPOSITORY}`,
        'timeout-minutes': 45,
        env: { PREVIEW_PR: '${{ github.event.pull_request.number }}' },
        defaults: { run: { shell: 'bash' } },
        steps: [
          // The head commit, which was deployed: a closed pull request may have no merge ref.
          checkoutStep('${{ github.event.pull_request.head.sha }}'),
          ...setup(),
          {
            name: 'Destroy the preview (cdk destroy)',
            id: 'destroy',
            'working-directory': 'pipelines',
            env: cdkEnv(),
            run: script(
              `npx cdk destroy --app "${PREVIEW_APP}" --all --force --output "../${PREVIEW_CDK_OUT}"`,
            ),
          },
          commentStep(
            { DESTROY_OUTCOME: '${{ steps.destroy.outcome }}' },
            ['--destroy-outcome "$DESTROY_OUTCOME"'],
            false,
          ),
        ],
      },
    },
  };
}
