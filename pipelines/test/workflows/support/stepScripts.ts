import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { RunStep, Workflow, WorkflowStep } from '../../../src/workflows/Workflow.js';

/** The step with this `id` in any job; throws when there is none or it runs an action. */
export function runStepById(workflow: Workflow, id: string): RunStep {
  const steps: WorkflowStep[] = Object.values(workflow.jobs).flatMap((job) => [...job.steps]);
  const step = steps.find((candidate) => candidate.id === id);
  if (step?.run === undefined) throw new Error(`no run step with id "${id}"`);
  return step;
}

/** A scratch folder with a `bin/` for fake commands and a `runner-temp/` for $RUNNER_TEMP. */
export interface StepSandbox {
  readonly dir: string;
  readonly runnerTemp: string;
  /** Puts an executable `bin/<name>` (a sh script) first on the steps' PATH. */
  fake(name: string, body: string): void;
  /**
   * Runs a step's script as GitHub runs `shell: bash` (`bash --noprofile --norc -eo pipefail`),
   * with the step's `env:` taken from `env` (the values GitHub would have substituted).
   */
  run(step: RunStep, env: Record<string, string>, cwd?: string): StepResult;
  remove(): void;
}

export interface StepResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function stepSandbox(): StepSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'stack-workflow-step-'));
  const bin = join(dir, 'bin');
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(bin);
  mkdirSync(runnerTemp);
  return {
    dir,
    runnerTemp,
    fake(name, body) {
      const path = join(bin, name);
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
    },
    run(step, env, cwd = dir) {
      const stepEnv = Object.keys(step.env ?? {});
      const missing = stepEnv.filter((name) => env[name] === undefined);
      if (missing.length > 0)
        throw new Error(`values missing for the step's env: ${missing.join(', ')}`);
      const result = spawnSync(
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run],
        {
          cwd,
          env: {
            PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
            HOME: dir,
            RUNNER_TEMP: runnerTemp,
            // Only what the step declares, as on a runner: a script cannot lean on a stray variable.
            ...Object.fromEntries(stepEnv.map((name) => [name, env[name]])),
          },
          encoding: 'utf8',
        },
      );
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
