import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stepSandbox, type StepSandbox } from './support/stepScripts.js';
import { jobOf, renderedWorkflow } from './support/workflowSteps.js';

describe('Workflow: preview-sweeper.yml', () => {
  const workflow = renderedWorkflow('preview-sweeper.yml');
  const sweep = jobOf(workflow, 'sweep');

  it('runs daily and on demand, with a dry run', () => {
    // Assess
    expect(workflow.on.schedule).toEqual([{ cron: '17 4 * * *' }]);
    expect(workflow.on.workflow_dispatch?.inputs?.['dry-run']).toMatchObject({
      type: 'boolean',
      default: false,
    });
    expect(workflow.concurrency).toEqual({
      group: 'preview-sweeper',
      'cancel-in-progress': false,
    });
  });

  it('works in the preview account as its CDK deploy role, reached through the pipeline role', () => {
    // Act
    const roles = sweep.steps
      .filter((step) => step.uses === 'aws-actions/configure-aws-credentials@v4')
      .map((step) => [step.with?.['role-to-assume'], step.with?.['role-chaining'] ?? false]);

    // Assess
    expect(roles).toEqual([
      ['arn:aws:iam::111111111111:role/stack-github-deploy', false],
      ['arn:aws:iam::444444444444:role/cdk-hnb659fds-deploy-role-444444444444-eu-west-1', true],
    ]);
    expect(workflow.permissions).toEqual({
      contents: 'read',
      'id-token': 'write',
      'pull-requests': 'read',
    });
  });

  it('lets sweepPreviews.ts decide, from describe-stacks and the pull requests’ states', () => {
    // Act
    const plan = sweep.steps.find((step) => step.id === 'plan');

    // Assess
    expect(plan?.run).toContain('aws cloudformation describe-stacks --output json');
    expect(plan?.run).toContain('npx tsx pipelines/src/preview/sweepPreviews.ts');
    expect(plan?.env).toMatchObject({ GH_REPO: '${{ github.repository }}' });
    const remove = sweep.steps.at(-1);
    expect(remove?.if).toBe('${{ !inputs.dry-run }}');
  });

  describe('its deletion script, run by bash with a fake aws', () => {
    const cleanups: (() => void)[] = [];
    afterEach(() => {
      cleanups.splice(0).forEach((cleanup) => cleanup());
    });
    function sandbox(): StepSandbox {
      const created = stepSandbox();
      cleanups.push(() => created.remove());
      created.fake('aws', 'echo "aws $*" >> "$HOME/aws.log"');
      return created;
    }
    const remove = () => {
      const step = sweep.steps.at(-1);
      if (step?.run === undefined) throw new Error('no deletion step');
      return step;
    };

    it('deletes each phase and waits for it before the next: services, then environments', () => {
      // Prepare
      const box = sandbox();
      writeFileSync(
        join(box.runnerTemp, 'sweep-plan.txt'),
        'pr-9-Service-notifications\npr-10-Environment pr-9-Environment\n',
      );

      // Act
      const result = box.run(remove(), { CFN_EXEC_ROLE: 'arn:exec' });

      // Assess
      expect(result.code).toBe(0);
      expect(readFileSync(join(box.dir, 'aws.log'), 'utf8').trim().split('\n')).toEqual([
        'aws cloudformation delete-stack --stack-name pr-9-Service-notifications --role-arn arn:exec',
        'aws cloudformation wait stack-delete-complete --stack-name pr-9-Service-notifications',
        'aws cloudformation delete-stack --stack-name pr-10-Environment --role-arn arn:exec',
        'aws cloudformation delete-stack --stack-name pr-9-Environment --role-arn arn:exec',
        'aws cloudformation wait stack-delete-complete --stack-name pr-10-Environment',
        'aws cloudformation wait stack-delete-complete --stack-name pr-9-Environment',
      ]);
    });

    it('deletes nothing when the plan is empty', () => {
      // Prepare
      const box = sandbox();
      writeFileSync(join(box.runnerTemp, 'sweep-plan.txt'), '');

      // Act
      const result = box.run(remove(), { CFN_EXEC_ROLE: 'arn:exec' });

      // Assess
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
    });
  });
});
