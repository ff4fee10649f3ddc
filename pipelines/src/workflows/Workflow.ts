// A typed model of the part of GitHub Actions' workflow syntax the generated workflows use.
// Keys are spelled as in the workflow file (`runs-on`, `timeout-minutes`), so a builder reads
// like the YAML it produces and GitHub's documentation applies as is:
// https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions

/** A value of a `with:` or `env:` map. */
export type WorkflowScalar = string | number | boolean;

interface InputBase {
  /** Shown in the "Run workflow" form. */
  readonly description: string;
  readonly required?: boolean;
}

/** One `workflow_dispatch` input: what the "Run workflow" form asks for. */
export type WorkflowDispatchInput =
  | (InputBase & { readonly type: 'string'; readonly default?: string })
  | (InputBase & { readonly type: 'boolean'; readonly default?: boolean })
  | (InputBase & { readonly type: 'number'; readonly default?: number })
  | (InputBase & { readonly type: 'environment'; readonly default?: string })
  | (InputBase & {
      readonly type: 'choice';
      readonly options: readonly string[];
      readonly default?: string;
    });

/** Branch and path filters of `push` and `pull_request`. */
export interface RefFilters {
  readonly branches?: readonly string[];
  readonly 'branches-ignore'?: readonly string[];
  readonly paths?: readonly string[];
  readonly 'paths-ignore'?: readonly string[];
}

/** `on:`: the events that start the workflow. */
export interface WorkflowTriggers {
  readonly workflow_dispatch?: {
    readonly inputs?: Readonly<Record<string, WorkflowDispatchInput>>;
  };
  readonly push?: RefFilters & {
    readonly tags?: readonly string[];
    readonly 'tags-ignore'?: readonly string[];
  };
  readonly pull_request?: RefFilters & { readonly types?: readonly string[] };
  /** Cron schedules in UTC (`'17 4 * * *'`); GitHub may start a scheduled run minutes late. */
  readonly schedule?: readonly { readonly cron: string }[];
}

/** The scopes `permissions:` can grant the job's GITHUB_TOKEN. */
export type PermissionScope =
  | 'actions'
  | 'attestations'
  | 'checks'
  | 'contents'
  | 'deployments'
  | 'discussions'
  | 'id-token'
  | 'issues'
  | 'packages'
  | 'pages'
  | 'pull-requests'
  | 'repository-projects'
  | 'security-events'
  | 'statuses';

/** `permissions:`; every scope not listed is `none`. */
export type WorkflowPermissions = Readonly<
  Partial<Record<PermissionScope, 'read' | 'write' | 'none'>>
>;

/** `concurrency:`: at most one running workflow or job per `group`. */
export interface WorkflowConcurrency {
  readonly group: string;
  readonly 'cancel-in-progress'?: boolean;
}

/** `defaults.run`: shell and folder of every `run:` step. */
export interface RunDefaults {
  readonly run: { readonly shell?: string; readonly 'working-directory'?: string };
}

interface StepBase {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly env?: Readonly<Record<string, WorkflowScalar>>;
  readonly 'timeout-minutes'?: number;
  readonly 'continue-on-error'?: boolean;
}

/** A step that runs an action. */
export interface UsesStep extends StepBase {
  /** `owner/repo@ref`; pin to a major tag (`actions/checkout@v4`). */
  readonly uses: string;
  readonly with?: Readonly<Record<string, WorkflowScalar>>;
  readonly run?: never;
}

/**
 * A step that runs a script. Untrusted values (inputs, titles, branch names) reach the script
 * through `env:` only: an expression inside `run:` is pasted into the script before the shell
 * parses it, which is script injection.
 */
export interface RunStep extends StepBase {
  readonly run: string;
  readonly shell?: string;
  readonly 'working-directory'?: string;
  readonly uses?: never;
  readonly with?: never;
}

export type WorkflowStep = UsesStep | RunStep;

/** One job. `timeout-minutes` is required: GitHub's default is six hours of paid runner time. */
export interface WorkflowJob {
  readonly name?: string;
  readonly 'runs-on': string | readonly string[];
  readonly needs?: readonly string[];
  readonly if?: string;
  readonly permissions?: WorkflowPermissions;
  readonly environment?: string | JobEnvironment;
  readonly concurrency?: WorkflowConcurrency;
  readonly 'timeout-minutes': number;
  /** Values later jobs read as `needs.<job>.outputs.<name>` (usually `steps.<id>.outputs.<name>`). */
  readonly outputs?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, WorkflowScalar>>;
  readonly defaults?: RunDefaults;
  readonly steps: readonly WorkflowStep[];
}

/** A job's GitHub Environment: its protection rules (approvals) and the URL its deployment shows. */
export interface JobEnvironment {
  readonly name: string;
  /** May be an expression, e.g. a step output of the job. */
  readonly url?: string;
}

/** A whole workflow file. */
export interface Workflow {
  readonly name: string;
  readonly 'run-name'?: string;
  readonly on: WorkflowTriggers;
  /** Required so no workflow silently gets the repository's default token permissions. */
  readonly permissions: WorkflowPermissions;
  readonly concurrency?: WorkflowConcurrency;
  readonly env?: Readonly<Record<string, WorkflowScalar>>;
  readonly defaults?: RunDefaults;
  readonly jobs: Readonly<Record<string, WorkflowJob>>;
}
