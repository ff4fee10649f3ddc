import { CfnOutput, type Stage } from 'aws-cdk-lib';
import { type IFileSetProducer, ShellStep } from 'aws-cdk-lib/pipelines';
import { ENVIRONMENT_STACK_ID } from '../addEnvironmentStack.js';

/** The step id of every stage's smoke tests (job `<stage>-Smoke`, CodePipeline action `Smoke`). */
export const SMOKE_STEP_ID = 'Smoke';

/** The environment stack output the smoke suite checks (environment-templates/stack-env addOutputs). */
export const API_URL_OUTPUT = 'ApiUrl';

/** Installs the repository's dependencies, the smoke suite (web/smoke) among them. */
export const SMOKE_INSTALL = 'npm ci --no-audit --no-fund';

/** Runs the Playwright smoke suite of web/smoke against SMOKE_API_URL. */
export const SMOKE_COMMAND = 'npm run smoke';

/** What differs between the engines' smoke steps. */
export interface SmokeStepOptions {
  /** The repository checkout (CodePipeline); the GitHub job checks out in a step of its own. */
  readonly input?: IFileSetProducer;
  /** Extra set-up before the suite runs, e.g. installing Chromium on a GitHub runner. */
  readonly setupCommands?: readonly string[];
}

/**
 * The post-deployment step of a stage: the Playwright smoke suite (`npm run smoke`) against the
 * stage's API, whose URL comes from the environment stack's `ApiUrl` output. Both engines run
 * this step after the stage's stacks, and a failure stops the next wave.
 */
export function smokeStep(stage: Stage, options: SmokeStepOptions = {}): ShellStep {
  return new ShellStep(SMOKE_STEP_ID, {
    ...(options.input && { input: options.input }),
    installCommands: [SMOKE_INSTALL, ...(options.setupCommands ?? [])],
    commands: [SMOKE_COMMAND],
    // Names the stage in the suite's report and in the job's name.
    env: { SMOKE_STAGE: stage.stageName },
    envFromCfnOutputs: { SMOKE_API_URL: apiUrlOutput(stage) },
  });
}

/** The environment stack's `ApiUrl` output of a stage; throws if the stage has none. */
export function apiUrlOutput(stage: Stage): CfnOutput {
  const stack = stage.node.tryFindChild(ENVIRONMENT_STACK_ID);
  const output = stack?.node.tryFindChild(API_URL_OUTPUT);
  if (!(output instanceof CfnOutput)) {
    throw new Error(
      `stage ${stage.stageName}: its ${ENVIRONMENT_STACK_ID} stack has no ${API_URL_OUTPUT} output, which the smoke tests after the stage need; an environment template must output its GraphQL endpoint as ${API_URL_OUTPUT}`,
    );
  }
  return output;
}
