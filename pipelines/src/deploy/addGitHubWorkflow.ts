import type { App } from 'aws-cdk-lib';
import { ShellStep } from 'aws-cdk-lib/pipelines';
import { AwsCredentials, GitHubWorkflow } from 'cdk-pipelines-github';
import type { Accounts } from '../accounts/Accounts.js';
import { BUILD_WEB_EXPORTS_COMMAND, REQUIRE_WEB_EXPORTS_ENV } from '../webExports.js';
import type { DeployWave } from './deployWaves.js';
import { e2ePasswordSecret } from './e2eCredentials.js';
import { API_URL_OUTPUT, smokeStep } from './smokeStep.js';

/** The workflow's file in `.github/workflows/`. */
export const DEPLOY_WORKFLOW_FILE = 'deploy.yml';

/** The workflow's name in the Actions tab; also what `GITHUB_WORKFLOW` holds while it runs. */
export const DEPLOY_WORKFLOW_NAME = 'Deploy';

/** Where the synth job writes the cloud assembly the later jobs download. */
export const PIPELINE_CDK_OUT = 'pipelines/cdk.out';

/**
 * The synth job's command. It synthesizes with this engine (so the assembly holds the asset
 * publishing scripts the asset jobs run) and fails when a committed workflow is not what this
 * commit generates, or when deploy.yml does not match the assembly just built.
 */
export const GITHUB_SYNTH_COMMAND = 'npm run synth -- --engine github --check-workflows';

/**
 * The cdk-assets major version the asset jobs install (`npm install cdk-assets@<major>`), so a new
 * major cannot change how assets publish without a change here.
 */
export const CDK_ASSETS_MAJOR = '4';

/** Set-up of the smoke job on a GitHub runner: the Chromium the suite's web checks drive. */
export const GITHUB_SMOKE_SETUP = ['sudo apt-get update', 'sudo apt-get install -y chromium'];

/**
 * Adds the GitHub Actions pipeline to `app`: cdk-pipelines-github's GitHubWorkflow with one GitHub
 * wave per deploy wave, each stage deployed with a GitHub Environment of its name (approvals are
 * added there) and followed by its smoke tests. AWS access is OIDC only: the jobs assume the
 * pipeline account's GitHub role from pipelines/accounts.yaml, then the CDK bootstrap roles of the
 * target account. `workflowPath` is where the library writes its own, unpatched YAML during
 * `app.synth()`; `.github/workflows/deploy.yml` is that YAML patched (see patchDeployWorkflow).
 */
export function addGitHubWorkflow(
  app: App,
  waves: readonly DeployWave[],
  accounts: Accounts,
  workflowPath: string,
): GitHubWorkflow {
  const pipeline = new GitHubWorkflow(app, 'Pipeline', {
    workflowName: DEPLOY_WORKFLOW_NAME,
    workflowPath,
    workflowTriggers: { push: { branches: ['main'] }, workflowDispatch: {} },
    // Deploys queue instead of overlapping: two runs rolling out different commits to the same
    // stage at once would race CloudFormation.
    concurrency: { group: 'deploy', cancelInProgress: false },
    synth: new ShellStep('Synth', {
      installCommands: ['npm ci --no-audit --no-fund'],
      // The web apps first: the environment stacks deploy their exports, and with the context
      // REQUIRE_WEB_EXPORTS_ENV sets, a missing one fails synth instead of shipping a placeholder.
      commands: [BUILD_WEB_EXPORTS_COMMAND, GITHUB_SYNTH_COMMAND],
      env: { ...REQUIRE_WEB_EXPORTS_ENV },
      primaryOutputDirectory: PIPELINE_CDK_OUT,
    }),
    preBuildSteps: [
      {
        name: 'Set up Node.js 20',
        uses: 'actions/setup-node@v4',
        with: { 'node-version': 20, cache: 'npm' },
      },
    ],
    awsCreds: AwsCredentials.fromOpenIdConnect({
      gitHubActionRoleArn: accounts.pipeline.githubRoleArn,
    }),
    // The asset jobs authenticate in the pipeline's region, not the library's default us-west-2.
    publishAssetsAuthRegion: accounts.pipeline.region,
    cdkAssetsVersion: CDK_ASSETS_MAJOR,
  });
  for (const wave of waves) {
    const githubWave = pipeline.addGitHubWave(wave.id);
    // The web e2e suite writes (a review, then its deletion): it runs after the first wave only,
    // before any production stage is touched.
    const e2e = wave === waves[0];
    for (const { spec, stage } of wave.stages) {
      githubWave.addStageWithGitHubOptions(stage, {
        gitHubEnvironment: {
          name: spec.name,
          // The environment stack's deploy step outputs the API's URL; GitHub shows it on the
          // deployment. Jobs of the stage's other stacks drop it (patchDeployWorkflow).
          url: `\${{ steps.Deploy.outputs.${API_URL_OUTPUT} }}`,
        },
        post: [
          smokeStep(stage, {
            setupCommands: GITHUB_SMOKE_SETUP,
            e2e,
            // Empty while the secret is unset: the suite is then skipped with a warning that
            // says how to create the users (stack e2e-users) and the secret.
            ...(e2e && {
              env: { E2E_PASSWORD: `\${{ secrets.${e2ePasswordSecret(spec.name)} }}` },
            }),
          }),
        ],
      });
    }
  }
  return pipeline;
}
