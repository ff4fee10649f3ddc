import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAccounts } from '../../src/accounts/loadAccounts.js';
import { stepSandbox, type StepSandbox } from './support/stepScripts.js';
import { jobOf, jobRunStep, renderedWorkflow } from './support/workflowSteps.js';

const accounts = loadAccounts();

describe('Workflow: preview.yml', () => {
  const workflow = renderedWorkflow('preview.yml');
  const deploy = jobOf(workflow, 'deploy');
  const destroy = jobOf(workflow, 'destroy');
  const runs = (job: typeof deploy) => job.steps.flatMap((step) => step.run ?? []).join('\n');

  it('starts on pull requests opened, pushed to, reopened and closed', () => {
    // Assess
    expect(workflow.on).toEqual({
      pull_request: { types: ['opened', 'synchronize', 'reopened', 'closed'] },
    });
  });

  it('deploys on opened, synchronize and reopened, and destroys on closed', () => {
    // Assess
    expect(deploy.if).toMatch(/^github\.event\.action != 'closed' && /);
    expect(destroy.if).toMatch(/^github\.event\.action == 'closed' && /);
    expect(runs(deploy)).toContain('npx cdk deploy');
    expect(runs(deploy)).not.toContain('cdk destroy');
    expect(runs(destroy)).toContain('npx cdk destroy');
    expect(runs(destroy)).not.toContain('cdk deploy');
  });

  it('never deploys the code of a fork’s pull request with the AWS role', () => {
    // Assess
    for (const job of [deploy, destroy]) {
      expect(job.if).toContain(
        'github.event.pull_request.head.repo.full_name == github.repository',
      );
    }
  });

  it('is grouped per pull request number and never cancels a running deploy or destroy', () => {
    // Assess
    expect(workflow.concurrency).toEqual({
      group: 'preview-${{ github.event.pull_request.number }}',
      'cancel-in-progress': false,
    });
    for (const job of [deploy, destroy]) expect(job.concurrency).toBeUndefined();
  });

  it('assumes the pipeline role of pipelines/accounts.yaml through OIDC', () => {
    // Assess
    expect(workflow.permissions).toEqual({
      contents: 'read',
      'id-token': 'write',
      'pull-requests': 'write',
    });
    for (const job of [deploy, destroy]) {
      const credentials = job.steps.find(
        (step) => step.uses === 'aws-actions/configure-aws-credentials@v4',
      );
      expect(credentials?.with).toMatchObject({
        'role-to-assume': accounts.pipeline.githubRoleArn,
        'aws-region': 'eu-west-1',
      });
    }
  });

  it('deploys every stack of the preview app, writes the outputs, prices it and smoke-tests it', () => {
    // Assess
    expect(runs(deploy)).toContain(
      'npx cdk deploy --app "npx tsx src/preview/previewApp.ts" --all --require-approval never',
    );
    expect(runs(deploy)).toContain('--outputs-file "$RUNNER_TEMP/preview-outputs.json"');
    expect(runs(deploy)).toContain(
      'npx stack cost --cdk-out .stack/preview/cdk.out --specs pipelines/previews --env "pr-$PREVIEW_PR" --json',
    );
    expect(runs(deploy)).toContain('npm run smoke');
    expect(runs(destroy)).toContain(
      'npx cdk destroy --app "npx tsx src/preview/previewApp.ts" --all --force',
    );
    for (const job of [deploy, destroy]) {
      expect(job.env).toEqual({ PREVIEW_PR: '${{ github.event.pull_request.number }}' });
    }
  });

  describe('its scripts, run by bash with fake commands', () => {
    const cleanups: (() => void)[] = [];
    afterEach(() => {
      cleanups.splice(0).forEach((cleanup) => cleanup());
    });
    function sandbox(): StepSandbox {
      const created = stepSandbox();
      cleanups.push(() => created.remove());
      // gh logs its arguments and lists the ids in $HOME/ids for the comments query.
      created.fake(
        'gh',
        [
          'echo "gh $*" >> "$HOME/gh.log"',
          'case "$*" in *--paginate*) cat "$HOME/ids" 2>/dev/null ;; esac',
          'exit 0',
        ].join('\n'),
      );
      created.fake('npx', 'echo "<!-- stack-preview -->"; echo "body for $*"');
      created.fake('npm', 'echo "npm $* against $SMOKE_API_URL" >> "$HOME/npm.log"');
      return created;
    }
    const values = {
      PREVIEW_PR: '12',
      GH_TOKEN: 'token',
      REPOSITORY: 'acme/the-stack',
      COMMIT: 'abc123',
      RUN_URL: 'https://example.invalid/run',
      DOCS_URL: 'https://example.invalid/docs',
      DEPLOY_OUTCOME: 'success',
      SMOKE_OUTCOME: 'success',
      DESTROY_OUTCOME: 'success',
    };

    it('posts one comment when the pull request has none yet', () => {
      // Prepare
      const box = sandbox();

      // Act
      const result = box.run(jobRunStep(deploy, 'comment'), values);

      // Assess
      expect(result.code).toBe(0);
      const log = readFileSync(join(box.dir, 'gh.log'), 'utf8').trim().split('\n');
      expect(log).toEqual([
        'gh api --paginate repos/acme/the-stack/issues/12/comments --jq .[] | select(.body | startswith("<!-- stack-preview -->")) | .id',
        `gh api --method POST repos/acme/the-stack/issues/12/comments -F body=@${box.runnerTemp}/preview-comment.md`,
      ]);
      expect(readFileSync(join(box.runnerTemp, 'preview-comment.md'), 'utf8')).toContain(
        '--deploy-outcome success --smoke-outcome success',
      );
    });

    it('edits the marked comment instead of adding another', () => {
      // Prepare
      const box = sandbox();
      writeFileSync(join(box.dir, 'ids'), '4242\n4343\n');

      // Act
      const result = box.run(jobRunStep(deploy, 'comment'), values);

      // Assess
      expect(result.code).toBe(0);
      const log = readFileSync(join(box.dir, 'gh.log'), 'utf8');
      expect(log).toContain(
        `gh api --method PATCH repos/acme/the-stack/issues/comments/4242 -F body=@${box.runnerTemp}/preview-comment.md`,
      );
      expect(log).not.toContain('POST');
    });

    it('after a destroy, updates the comment but never starts one', () => {
      // Prepare
      const box = sandbox();

      // Act
      const result = box.run(jobRunStep(destroy, 'comment'), values);

      // Assess
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('no preview comment to update');
      expect(readFileSync(join(box.dir, 'gh.log'), 'utf8')).not.toContain('--method');
    });

    it('smoke-tests the ApiUrl of the preview’s environment stack', () => {
      // Prepare
      const box = sandbox();
      writeFileSync(
        join(box.runnerTemp, 'preview-outputs.json'),
        JSON.stringify({ 'pr-12-Environment': { ApiUrl: 'https://d1.example/graphql' } }),
      );

      // Act
      const result = box.run(jobRunStep(deploy, 'smoke'), values);

      // Assess
      expect(result.code).toBe(0);
      expect(readFileSync(join(box.dir, 'npm.log'), 'utf8')).toBe(
        'npm run smoke against https://d1.example/graphql\n',
      );
    });

    it('fails the smoke test, saying why, when the deployment wrote no ApiUrl', () => {
      // Prepare
      const box = sandbox();
      writeFileSync(join(box.runnerTemp, 'preview-outputs.json'), '{}');

      // Act
      const result = box.run(jobRunStep(deploy, 'smoke'), values);

      // Assess
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('::error::no ApiUrl output of stack pr-12-Environment');
    });
  });
});
