import { App, Stage } from 'aws-cdk-lib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAccounts } from '../accounts/loadAccounts.js';
import { addEnvironmentStacks } from '../buildApp.js';
import { loadEnvironmentSpecs } from '../specs/loadEnvironmentSpecs.js';
import { loadServiceSpecs } from '../specs/loadServiceSpecs.js';
import { addDeployPipeline, libraryWorkflowPath } from './addDeployPipeline.js';
import type { DeployStage } from './deployWaves.js';

/** Where a repository keeps what the deploy workflow is generated from. */
export function deployInputs(repoRoot: string) {
  return {
    specsDir: join(repoRoot, 'pipelines', 'environments'),
    templatesRoot: join(repoRoot, 'environment-templates'),
    servicesRoot: join(repoRoot, 'services'),
    serviceTemplatesRoot: join(repoRoot, 'service-templates'),
    accountsFile: join(repoRoot, 'pipelines', 'accounts.yaml'),
  };
}

/**
 * cdk-pipelines-github's workflow for the repository at `repoRoot`, as the library writes it
 * (unpatched). Synthesizes a pipeline app of the deployed stages into a temporary folder, offline
 * and without credentials: no bundling (the job graph does not depend on bundle contents), no
 * cdk-nag or schema checks (`npm run synth` runs those). The same specs always give the same text.
 */
export function synthDeployWorkflow(repoRoot: string): string {
  const inputs = deployInputs(repoRoot);
  const specs = loadEnvironmentSpecs(inputs.specsDir, inputs.templatesRoot);
  const services = loadServiceSpecs(inputs.servicesRoot, inputs.serviceTemplatesRoot, specs);
  const accounts = loadAccounts(inputs.accountsFile);
  const outdir = mkdtempSync(join(tmpdir(), 'stack-deploy-workflow-'));
  try {
    const app = new App({
      outdir,
      analyticsReporting: false,
      // Only the job graph matters here: no CloudFormation schema checks (about ten seconds).
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:bundling-stacks': [] },
    });
    const stages: DeployStage[] = specs
      .filter((spec) => spec.wave >= 1)
      .map((spec) => {
        const stage = new Stage(app, spec.name, {
          env: { account: spec.account, region: spec.region },
        });
        addEnvironmentStacks(stage, spec, services);
        return { spec, stage };
      });
    addDeployPipeline(app, stages, 'github', accounts);
    app.synth();
    return readFileSync(libraryWorkflowPath(outdir), 'utf8');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
