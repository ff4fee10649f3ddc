import { CfnOutput, type Stage } from 'aws-cdk-lib';
import { type IFileSetProducer, ShellStep } from 'aws-cdk-lib/pipelines';
import { ENVIRONMENT_STACK_ID } from '../addEnvironmentStack.js';
import { E2E_ADMIN, E2E_USER } from './e2eCredentials.js';

/** The step id of every stage's smoke tests (job `<stage>-Smoke`, CodePipeline action `Smoke`). */
export const SMOKE_STEP_ID = 'Smoke';

/** The environment stack output the smoke suite checks (environment-templates/stack-env addOutputs). */
export const API_URL_OUTPUT = 'ApiUrl';

/** The environment stack outputs of the hosted web apps (only when the `hosting` input is on). */
export const SITE_URL_OUTPUTS = { web: 'PublicSiteUrl', internal: 'InternalSiteUrl' } as const;

/** Installs the repository's dependencies, the smoke suite (web/smoke) among them. */
export const SMOKE_INSTALL = 'npm ci --no-audit --no-fund';

/** Runs the Playwright smoke suite of web/smoke against SMOKE_API_URL. */
export const SMOKE_COMMAND = 'npm run smoke';

/**
 * Runs the web e2e suite of web/e2e against WEB_URL and INTERNAL_URL with the stage's e2e users,
 * or says why it is skipped (no hosted apps, no password secret): web/e2e/src/runStageSuite.ts.
 */
export const E2E_STAGE_COMMAND = 'npm run e2e:stage';

/** Where the e2e suite leaves screenshots and traces of failed tests (relative to the checkout). */
export const E2E_OUTPUT_DIR = 'web/e2e/test-results';

/** What differs between the engines' smoke steps. */
export interface SmokeStepOptions {
  /** The repository checkout (CodePipeline); the GitHub job checks out in a step of its own. */
  readonly input?: IFileSetProducer;
  /** Extra set-up before the suite runs, e.g. installing Chromium on a GitHub runner. */
  readonly setupCommands?: readonly string[];
  /**
   * Also run the web e2e suite, which signs in, posts a review and deletes it. The engines set it
   * for the first wave only: production stages get the read-only smoke suite, so real product
   * owners are never notified of test reviews.
   */
  readonly e2e?: boolean;
  /** Environment the engine adds, e.g. the e2e password from a GitHub secret. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The post-deployment step of a stage: the Playwright smoke suite (`npm run smoke`) against the
 * stage's API and, when the stage hosts the web apps, a page load of the public app; with `e2e`,
 * then the web e2e suite. The URLs come from the environment stack's outputs. Both engines run
 * this step after the stage's stacks, and a failure stops the next wave.
 */
export function smokeStep(stage: Stage, options: SmokeStepOptions = {}): ShellStep {
  const sites = siteUrlOutputs(stage);
  return new ShellStep(SMOKE_STEP_ID, {
    ...(options.input && { input: options.input }),
    installCommands: [SMOKE_INSTALL, ...(options.setupCommands ?? [])],
    commands: [SMOKE_COMMAND, ...(options.e2e ? [E2E_STAGE_COMMAND] : [])],
    env: {
      // Names the stage in the suite's report and in the job's name.
      SMOKE_STAGE: stage.stageName,
      ...(options.e2e && {
        E2E_STAGE: stage.stageName,
        E2E_USER,
        E2E_ADMIN,
        E2E_OUTPUT_DIR,
      }),
      ...options.env,
    },
    envFromCfnOutputs: {
      SMOKE_API_URL: apiUrlOutput(stage),
      ...(sites && { SMOKE_WEB_URL: sites.web }),
      ...(sites && options.e2e && { WEB_URL: sites.web, INTERNAL_URL: sites.internal }),
    },
  });
}

/** The environment stack's `ApiUrl` output of a stage; throws if the stage has none. */
export function apiUrlOutput(stage: Stage): CfnOutput {
  const output = environmentOutput(stage, API_URL_OUTPUT);
  if (!output) {
    throw new Error(
      `stage ${stage.stageName}: its ${ENVIRONMENT_STACK_ID} stack has no ${API_URL_OUTPUT} output, which the smoke tests after the stage need; an environment template must output its GraphQL endpoint as ${API_URL_OUTPUT}`,
    );
  }
  return output;
}

/** The outputs of the stage's hosted web apps, or undefined when it hosts none. */
export function siteUrlOutputs(stage: Stage): { web: CfnOutput; internal: CfnOutput } | undefined {
  const web = environmentOutput(stage, SITE_URL_OUTPUTS.web);
  const internal = environmentOutput(stage, SITE_URL_OUTPUTS.internal);
  return web && internal ? { web, internal } : undefined;
}

function environmentOutput(stage: Stage, id: string): CfnOutput | undefined {
  const output = stage.node.tryFindChild(ENVIRONMENT_STACK_ID)?.node.tryFindChild(id);
  return output instanceof CfnOutput ? output : undefined;
}
