import type { App } from 'aws-cdk-lib';
import { join } from 'node:path';
import type { Accounts } from '../accounts/Accounts.js';
import type { DeployEngine } from './DeployEngine.js';
import { addCodePipeline } from './addCodePipeline.js';
import { addGitHubWorkflow, DEPLOY_WORKFLOW_FILE } from './addGitHubWorkflow.js';
import { deployWaves, type DeployStage } from './deployWaves.js';

/**
 * Where the GitHub engine's synthesis leaves cdk-pipelines-github's own, unpatched workflow: inside
 * the cloud assembly (the library insists on a `.github/workflows/` path), never over the committed
 * `.github/workflows/deploy.yml`, which is that file patched.
 */
export function libraryWorkflowPath(outdir: string): string {
  return join(outdir, '.github', 'workflows', DEPLOY_WORKFLOW_FILE);
}

/**
 * Adds the deploy pipeline of `engine` to an app whose stages are built: the stages of waves 1 and
 * up, in their waves, each followed by its smoke tests. Must run before `app.synth()`.
 */
export function addDeployPipeline(
  app: App,
  stages: readonly DeployStage[],
  engine: DeployEngine,
  accounts: Accounts,
): void {
  const waves = deployWaves(stages);
  if (waves.length === 0) {
    throw new Error(
      'deploy pipeline: no environment has wave 1 or later, so there is nothing to deploy',
    );
  }
  switch (engine) {
    case 'github':
      addGitHubWorkflow(app, waves, accounts, libraryWorkflowPath(app.outdir));
      break;
    case 'codepipeline':
      addCodePipeline(app, waves, accounts);
      break;
  }
}
