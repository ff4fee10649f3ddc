import type { Workflow } from './Workflow.js';

/** What a builder may read while it builds: the repository it generates for. */
export interface WorkflowContext {
  /** The repository root (templates, services and specs are read from here). */
  readonly repoRoot: string;
}

/** Builds one workflow file's model; registered under its file name in `WORKFLOWS`. */
export type WorkflowBuilder = (context: WorkflowContext) => Workflow;
