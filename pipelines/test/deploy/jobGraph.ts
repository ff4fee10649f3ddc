import type { Workflow, WorkflowJob } from '../../src/workflows/Workflow.js';

/** A deploy.yml job with its id. */
export interface NamedJob {
  readonly id: string;
  readonly job: WorkflowJob;
}

/** Reads deploy.yml's job graph the way a reviewer does: by what each job does. */
export class JobGraph {
  constructor(readonly workflow: Workflow) {}

  get jobs(): NamedJob[] {
    return Object.entries(this.workflow.jobs).map(([id, job]) => ({ id, job }));
  }

  /** The deploy jobs (one per stack) of a stage, found by its GitHub Environment. */
  deployJobs(stage: string): NamedJob[] {
    return this.jobs.filter(
      ({ job }) =>
        job.steps.some((step) =>
          step.uses?.startsWith('aws-actions/aws-cloudformation-github-deploy@'),
        ) && environmentName(job) === stage,
    );
  }

  /** The smoke job of a stage, found by SMOKE_STAGE. */
  smokeJob(stage: string): NamedJob {
    const found = this.jobs.filter(({ job }) => job.env?.['SMOKE_STAGE'] === stage);
    if (found.length !== 1)
      throw new Error(`expected one smoke job for ${stage}, found ${found.length}`);
    return found[0]!;
  }

  /** Every stage that has deploy jobs, by GitHub Environment. */
  get deployedStages(): string[] {
    return [
      ...new Set(
        this.jobs
          .map(({ job }) => environmentName(job))
          .filter((name): name is string => name !== undefined),
      ),
    ].sort();
  }
}

/** The name of a job's GitHub Environment. */
export function environmentName(job: WorkflowJob): string | undefined {
  return typeof job.environment === 'object' ? job.environment.name : job.environment;
}
