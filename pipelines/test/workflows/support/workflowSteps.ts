import { parse } from 'yaml';
import { repoRoot } from '../../../src/paths.js';
import { WORKFLOWS } from '../../../src/workflows/registry.js';
import { renderWorkflow } from '../../../src/workflows/renderWorkflow.js';
import type { RunStep, Workflow, WorkflowJob } from '../../../src/workflows/Workflow.js';

/**
 * One registered workflow as GitHub reads it: its builder's output rendered and parsed back.
 * Only that builder runs (some, like deploy.yml's, take seconds). Throws when none makes it.
 */
export function renderedWorkflow(fileName: string): Workflow {
  const build = WORKFLOWS[fileName];
  if (!build) throw new Error(`no workflow ${fileName} in WORKFLOWS`);
  return parse(renderWorkflow(build({ repoRoot }))) as Workflow;
}

/** A job of a workflow; throws when there is none. */
export function jobOf(workflow: Workflow, id: string): WorkflowJob {
  const job = workflow.jobs[id];
  if (!job) throw new Error(`no job ${id}`);
  return job;
}

/**
 * The `run:` step with this id in a job, with the job's `env:` merged under the step's, as
 * GitHub does: the sandbox passes a step only the variables it declares.
 */
export function jobRunStep(job: WorkflowJob, id: string): RunStep {
  const step = job.steps.find((candidate) => candidate.id === id);
  if (step?.run === undefined) throw new Error(`no run step with id "${id}"`);
  return { ...step, env: { ...job.env, ...step.env } };
}
