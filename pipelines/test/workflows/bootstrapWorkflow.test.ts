import { afterEach, describe, expect, it } from '@jest/globals';
import { ACCOUNT_PURPOSES } from '../../src/accounts/Accounts.js';
import { loadAccounts } from '../../src/accounts/loadAccounts.js';
import { repoRoot } from '../../src/paths.js';
import { bootstrapTargets } from '../../src/workflows/bootstrapTargets.js';
import { stepSandbox, type StepSandbox } from './support/stepScripts.js';
import { jobOf, jobRunStep, renderedWorkflow } from './support/workflowSteps.js';

const accounts = loadAccounts();

describe('Workflow: bootstrap.yml', () => {
  const workflow = renderedWorkflow('bootstrap.yml');

  it('runs on demand for the accounts asked for, all by default', () => {
    // Assess
    expect(workflow.on.workflow_dispatch?.inputs?.['accounts']).toMatchObject({
      type: 'string',
      default: 'all',
      required: true,
    });
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('has one job per account of pipelines/accounts.yaml, run only when asked for', () => {
    // Act
    const jobs = ACCOUNT_PURPOSES.map((purpose) => jobOf(workflow, `bootstrap-${purpose}`));

    // Assess
    expect(Object.keys(workflow.jobs)).toEqual([
      'check-input',
      ...ACCOUNT_PURPOSES.map((purpose) => `bootstrap-${purpose}`),
      'github-oidc',
    ]);
    jobs.forEach((job, index) => {
      expect(job.if).toBe(
        `inputs.accounts == 'all' || contains(format(',{0},', inputs.accounts), ',${ACCOUNT_PURPOSES[index]},')`,
      );
      expect(job.needs).toEqual(['check-input']);
      expect(job.environment).toBe('bootstrap');
    });
  });

  it('bootstraps each account in its environments’ regions, trusting the pipeline account', () => {
    // Act
    const { targets } = bootstrapTargets(repoRoot);

    // Assess
    expect(targets.map((target) => [target.purpose, target.regions])).toEqual(
      ACCOUNT_PURPOSES.map((purpose) => [purpose, ['eu-west-1']]),
    );
    for (const target of targets) {
      const job = jobOf(workflow, `bootstrap-${target.purpose}`);
      const run = job.steps.at(-1)?.run;
      expect(run).toBe(
        `npx cdk bootstrap aws://${target.account}/eu-west-1 --trust ${accounts.pipeline.accountId} --cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess --no-notices\n`,
      );
      const roles = job.steps
        .filter((step) => step.uses === 'aws-actions/configure-aws-credentials@v4')
        .map((step) => step.with?.['role-to-assume']);
      expect(roles).toEqual([
        `arn:aws:iam::${accounts.pipeline.accountId}:role/stack-github-bootstrap`,
        `arn:aws:iam::${target.account}:role/stack-bootstrap`,
      ]);
    }
  });

  it('then deploys the GitHub OIDC stack into the pipeline account as the pipeline role', () => {
    // Act
    const job = jobOf(workflow, 'github-oidc');

    // Assess
    expect(job.needs).toEqual(['check-input', `bootstrap-${accounts.pipeline.account}`]);
    expect(job.if).toContain('inputs.github-oidc');
    expect(job.steps.find((step) => step.uses?.startsWith('aws-actions/'))?.with).toMatchObject({
      'role-to-assume': accounts.pipeline.githubRoleArn,
    });
    expect(job.steps.at(-1)?.run).toContain(
      'npx cdk deploy --app "npx tsx pipelines/src/bootstrap/githubOidcApp.ts" --all --require-approval never',
    );
  });

  describe('its input check, run by bash', () => {
    const cleanups: (() => void)[] = [];
    afterEach(() => {
      cleanups.splice(0).forEach((cleanup) => cleanup());
    });
    function sandbox(): StepSandbox {
      const created = stepSandbox();
      cleanups.push(() => created.remove());
      return created;
    }
    const check = jobRunStep(jobOf(workflow, 'check-input'), 'check');

    it.each(['all', 'integration', 'integration,preview,logs'])('accepts %j', (value) => {
      // Act
      const result = sandbox().run(check, { ACCOUNTS: value });

      // Assess
      expect(result.code).toBe(0);
    });

    it('refuses an unknown purpose, listing the known ones', () => {
      // Act
      const result = sandbox().run(check, { ACCOUNTS: 'integration,staging' });

      // Assess
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        "::error::unknown account purpose 'staging'; the purposes of pipelines/accounts.yaml are: integration production-single-tenant",
      );
    });

    it('refuses spaces, which the jobs’ conditions would not match', () => {
      // Act
      const result = sandbox().run(check, { ACCOUNTS: 'integration, preview' });

      // Assess
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('separated by commas without spaces');
    });
  });
});
