import { e2ePasswordSecret } from '@stack/pipelines/e2eCredentials';

/** What `npm run e2e:stage` does after a deployed stage: run the suite, or skip it and say why. */
export type StageSuitePlan =
  | { readonly run: true; readonly stage: string }
  | {
      readonly run: false;
      readonly stage: string;
      readonly reason: string;
      readonly warn: boolean;
    };

const present = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';

/**
 * Decides from the pipeline's environment whether the e2e suite can run against a deployed stage:
 * it needs the hosted apps (WEB_URL, INTERNAL_URL, outputs of stages with `hosting` on) and the
 * password of the stage's e2e users (E2E_PASSWORD, from a repository secret). A stage without
 * hosting is skipped quietly; a missing password is skipped with a warning that says how to fix
 * it, so the first deploy of a new stage (whose user pool does not exist yet) is not blocked.
 */
export function stageSuitePlan(env: NodeJS.ProcessEnv): StageSuitePlan {
  const stage = env.E2E_STAGE?.trim() ?? '';
  if (!/^[a-z][a-z0-9-]*$/.test(stage)) {
    throw new Error(
      `E2E_STAGE must name the deployed stage (e.g. integration), got ${JSON.stringify(env.E2E_STAGE ?? '')}: the pipeline's smoke step sets it`,
    );
  }
  if (!present(env.WEB_URL) || !present(env.INTERNAL_URL)) {
    return {
      run: false,
      stage,
      warn: false,
      reason: `${stage} hosts no web apps (its environment's hosting input is off, so there is no WEB_URL and INTERNAL_URL): only the API smoke suite ran`,
    };
  }
  if (!present(env.E2E_PASSWORD)) {
    return {
      run: false,
      stage,
      warn: true,
      reason: `the web e2e suite did not run against ${stage}: E2E_PASSWORD is empty. Create the stage's e2e users once with \`npx stack e2e-users --env ${stage}\` (AWS credentials of its account) and store the password it prints as the repository secret ${e2ePasswordSecret(stage)}`,
    };
  }
  return { run: true, stage };
}
