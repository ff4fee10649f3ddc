import { JsonPatch } from 'cdk-pipelines-github';
import { parse } from 'yaml';
import type { Workflow, WorkflowStep } from '../workflows/Workflow.js';
import { API_URL_OUTPUT, E2E_OUTPUT_DIR, E2E_STAGE_COMMAND, SMOKE_COMMAND } from './smokeStep.js';

/** How long each kind of job may run; GitHub's default is six hours of runner time. */
export const JOB_TIMEOUT_MINUTES = {
  synth: 30,
  assets: 15,
  // CloudFront distributions alone can take 15-20 minutes to create or update.
  deploy: 60,
  smoke: 15,
} as const;

/** The kinds of job cdk-pipelines-github writes. */
export type DeployJobKind = keyof typeof JOB_TIMEOUT_MINUTES;

type RawStep = Readonly<Record<string, unknown>> & {
  readonly uses?: string;
  readonly id?: string;
  readonly name?: string;
  readonly with?: Readonly<Record<string, unknown>>;
};
type RawJob = Readonly<Record<string, unknown>> & {
  readonly needs?: readonly string[];
  readonly env?: Readonly<Record<string, unknown>>;
  readonly outputs?: Readonly<Record<string, string>>;
  readonly environment?: string | { readonly name: string; readonly url?: string };
  readonly steps: readonly RawStep[];
};

const CLOUDFORMATION_DEPLOY = 'aws-actions/aws-cloudformation-github-deploy@';
const UPLOAD_ARTIFACT = 'actions/upload-artifact@';
const DOWNLOAD_ARTIFACT = 'actions/download-artifact@';
/** The step cdk-pipelines-github names for assuming a target account's CDK deploy role. */
const ASSUME_DEPLOY_ROLE = 'Assume CDK Deploy Role';
/** Inputs of configure-aws-credentials that would pass keys around; role chaining replaces them. */
const KEY_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'];

/** Steps the smoke job runs before the suite: cdk-pipelines-github gives script jobs no checkout. */
const SMOKE_SETUP_STEPS: readonly WorkflowStep[] = [
  { name: 'Check out', uses: 'actions/checkout@v6' },
  {
    name: 'Set up Node.js 20',
    uses: 'actions/setup-node@v4',
    with: { 'node-version': 20, cache: 'npm' },
  },
];

/** The only variable the e2e step needs that no other step may see: the e2e users' password. */
const E2E_SECRET_VARIABLE = 'E2E_PASSWORD';

/**
 * The steps of a smoke job's commands: cdk-pipelines-github writes them as one `run`; here each
 * suite gets a step of its own, the e2e password reaches only the e2e step (not `npm ci` and its
 * install scripts), and a failed e2e run keeps its screenshots and traces as an artifact.
 */
function smokeSuiteSteps(step: RawStep, password: unknown, stage: string): RawStep[] {
  const run = step['run'];
  if (typeof run !== 'string') return [step];
  const commands = run.split('\n');
  if (!commands.includes(SMOKE_COMMAND)) return [step];
  return commands.flatMap((command): RawStep[] => {
    if (command === SMOKE_COMMAND) return [{ name: 'Run the smoke suite', run: command }];
    if (command !== E2E_STAGE_COMMAND) return [{ run: command }];
    return [
      {
        name: 'Run the web e2e suite',
        run: command,
        ...(password !== undefined && { env: { [E2E_SECRET_VARIABLE]: password } }),
      },
      {
        name: 'Keep the e2e screenshots and traces',
        if: 'failure()',
        uses: 'actions/upload-artifact@v7',
        with: {
          name: `e2e-${stage}`,
          path: E2E_OUTPUT_DIR,
          'if-no-files-found': 'ignore',
          'retention-days': 14,
        },
      },
    ];
  });
}

/** Which kind of job cdk-pipelines-github wrote, read from what the job does. */
export function deployJobKind(id: string, job: RawJob): DeployJobKind {
  const uses = (prefix: string) => job.steps.some((step) => step.uses?.startsWith(prefix));
  if (uses(CLOUDFORMATION_DEPLOY)) return 'deploy';
  if (job.steps.some((step) => step.id === 'Publish')) return 'assets';
  if (job.env?.['SMOKE_API_URL'] !== undefined) return 'smoke';
  if (uses(UPLOAD_ARTIFACT)) return 'synth';
  throw new Error(
    `deploy.yml: cdk-pipelines-github wrote a job patchDeployWorkflow does not know (${id}); teach it the new kind of job`,
  );
}

/**
 * The workflow cdk-pipelines-github wrote (`yamlText`), patched into what actionlint, our workflow
 * model and our rules accept, as JSON patches (the library's `JsonPatch`):
 *
 * - `needs`: duplicates removed (a post step lists its stage's first stack twice), empty lists
 *   and empty `env` maps dropped: actionlint rejects both.
 * - every job gets `timeout-minutes`, the workflow `permissions: {}` (each job declares its own).
 * - smoke jobs: check out and set up Node.js 20 first (the library emits script jobs without a
 *   checkout), named `Smoke <stage>`; the smoke suite and the web e2e suite in steps of their
 *   own, the e2e password in the e2e step's env only, its traces uploaded when it fails.
 * - deploy jobs: named `Deploy <stack name>`; the CDK deploy role is assumed by role chaining
 *   instead of handing the OIDC session's keys over as inputs, so no workflow names a key; only
 *   the environment stack's job shows the API URL on its GitHub deployment.
 * - asset jobs: download the assembly to `cdk.out`, where the library's publish scripts expect it
 *   (it writes the app's own outdir there, a temporary folder when generating offline).
 */
export function patchDeployWorkflow(yamlText: string): Workflow {
  const document = parse(yamlText) as { jobs?: Record<string, RawJob> };
  const jobs = document.jobs ?? {};
  const patches: JsonPatch[] = [JsonPatch.add('/permissions', {})];
  for (const [id, job] of Object.entries(jobs)) {
    patches.push(...patchJob(id, job));
  }
  return JsonPatch.apply(document, ...patches) as Workflow;
}

function patchJob(id: string, job: RawJob): JsonPatch[] {
  const at = (...path: (string | number)[]) => pointer('jobs', id, ...path);
  const kind = deployJobKind(id, job);
  const patches: JsonPatch[] = [JsonPatch.add(at('timeout-minutes'), JOB_TIMEOUT_MINUTES[kind])];
  if (job.needs !== undefined) {
    const needs = [...new Set(job.needs)];
    if (needs.length === 0) patches.push(JsonPatch.remove(at('needs')));
    else if (needs.length !== job.needs.length) patches.push(JsonPatch.replace(at('needs'), needs));
  }
  if (job.env !== undefined && Object.keys(job.env).length === 0) {
    patches.push(JsonPatch.remove(at('env')));
  }
  switch (kind) {
    case 'smoke': {
      const stageEnv = job.env?.['SMOKE_STAGE'];
      const stage = typeof stageEnv === 'string' ? stageEnv : id;
      const password = job.env?.[E2E_SECRET_VARIABLE];
      patches.push(
        JsonPatch.replace(at('name'), `Smoke ${stage}`),
        JsonPatch.replace(at('steps'), [
          // Copies: YAML would write a value shared by several jobs as an anchor and aliases.
          ...structuredClone(SMOKE_SETUP_STEPS),
          ...job.steps.flatMap((step) => smokeSuiteSteps(step, password, stage)),
        ]),
      );
      if (password !== undefined) patches.push(JsonPatch.remove(at('env', E2E_SECRET_VARIABLE)));
      break;
    }
    case 'deploy': {
      const deploy = job.steps.find((step) => step.uses?.startsWith(CLOUDFORMATION_DEPLOY));
      patches.push(JsonPatch.replace(at('name'), `Deploy ${String(deploy?.with?.['name'])}`));
      const environment = job.environment;
      if (typeof environment === 'object' && job.outputs?.[API_URL_OUTPUT] === undefined) {
        patches.push(JsonPatch.replace(at('environment'), environment.name));
      }
      job.steps.forEach((step, index) => {
        if (step.name !== ASSUME_DEPLOY_ROLE) return;
        for (const input of KEY_INPUTS) {
          if (step.with?.[input] !== undefined) {
            patches.push(JsonPatch.remove(at('steps', index, 'with', input)));
          }
        }
        patches.push(JsonPatch.add(at('steps', index, 'with', 'role-chaining'), true));
      });
      break;
    }
    case 'assets':
      job.steps.forEach((step, index) => {
        if (step.uses?.startsWith(DOWNLOAD_ARTIFACT)) {
          patches.push(JsonPatch.replace(at('steps', index, 'with', 'path'), 'cdk.out'));
        }
      });
      break;
    case 'synth':
      break;
  }
  return patches;
}

/** An RFC 6901 JSON pointer. */
function pointer(...segments: (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}
