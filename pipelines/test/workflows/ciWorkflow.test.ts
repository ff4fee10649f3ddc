import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRIFT_MESSAGE, REGENERATE_COMMANDS } from '../../src/workflows/ciWorkflow.js';
import { stepSandbox, type StepSandbox } from './support/stepScripts.js';
import { jobOf, jobRunStep, renderedWorkflow } from './support/workflowSteps.js';

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' } },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
}

describe('Workflow: ci.yml', () => {
  const workflow = renderedWorkflow('ci.yml');

  it('runs on every pull request and every push to main, cancelling superseded pull request runs', () => {
    // Assess
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, pull_request: {} });
    expect(workflow.concurrency).toEqual({
      group: "ci-${{ github.event_name == 'pull_request' && github.ref || github.run_id }}",
      'cancel-in-progress': true,
    });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('runs the repository’s checks through .ci/run, as on a laptop', () => {
    // Act
    const steps = jobOf(workflow, 'test').steps;

    // Assess
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      '.ci/run',
    ]);
    expect(steps[1]?.with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  it('regenerates synth, the workflows, the supergraph and the trusted documents, then runs the drift check', () => {
    // Act
    const runs = jobOf(workflow, 'generated').steps.flatMap((step) => step.run ?? []);

    // Assess
    expect(REGENERATE_COMMANDS).toEqual([
      'npm run synth',
      'npm run workflows',
      'npx stack compose',
      'npm run trusted-documents',
    ]);
    expect(runs.slice(1, 5)).toEqual(REGENERATE_COMMANDS);
    expect(runs[0]).toBe('npm ci --no-audit --no-fund');
    expect(runs[5]).toContain('git diff --quiet');
  });

  describe('its drift check, run by bash in a scratch repository', () => {
    const cleanups: (() => void)[] = [];
    afterEach(() => {
      cleanups.splice(0).forEach((cleanup) => cleanup());
    });
    /** A sandbox whose folder is a git repository with one committed generated file. */
    function repository(): StepSandbox {
      const sandbox = stepSandbox();
      cleanups.push(() => sandbox.remove());
      git(sandbox.dir, 'init', '--quiet');
      writeFileSync(join(sandbox.dir, 'supergraph.graphql'), 'type Query { a: Int }\n');
      writeFileSync(join(sandbox.dir, '.gitignore'), 'bin/\nrunner-temp/\n');
      git(sandbox.dir, 'add', '--all');
      git(sandbox.dir, 'commit', '--quiet', '--message', 'initial');
      return sandbox;
    }
    const drift = jobRunStep(jobOf(workflow, 'generated'), 'drift');

    it('passes when regenerating changed nothing', () => {
      // Prepare
      const sandbox = repository();

      // Act
      const result = sandbox.run(drift, {});

      // Assess
      expect(result.stdout).toContain('generated files are up to date');
      expect(result.code).toBe(0);
    });

    it('fails on a changed generated file, printing the diff and what to run', () => {
      // Prepare
      const sandbox = repository();
      writeFileSync(join(sandbox.dir, 'supergraph.graphql'), 'type Query { a: Int, b: Int }\n');

      // Act
      const result = sandbox.run(drift, {});

      // Assess
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('+type Query { a: Int, b: Int }');
      expect(result.stdout).toContain(
        `::error title=Generated files are out of date::${DRIFT_MESSAGE}`,
      );
      expect(DRIFT_MESSAGE).toBe(
        'generated files are out of date: run npm run synth && npm run workflows && npx stack compose && npm run trusted-documents, then commit the result',
      );
    });

    it('fails on a generated file that is new and not committed', () => {
      // Prepare
      const sandbox = repository();
      writeFileSync(join(sandbox.dir, 'typeDefs.ts'), 'export const typeDefs = "";\n');

      // Act
      const result = sandbox.run(drift, {});

      // Assess
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('typeDefs.ts');
    });
  });
});
