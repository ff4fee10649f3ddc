/**
 * What deploys the stages: `github`, the `.github/workflows/deploy.yml` that cdk-pipelines-github
 * generates, or `codepipeline`, an AWS CodePipeline (aws-cdk-lib `pipelines.CodePipeline`) in
 * the pipeline account that deploys the same stages in the same waves.
 */
export type DeployEngine = 'github' | 'codepipeline';

/** Every engine, in the order the messages list them. */
export const DEPLOY_ENGINES: readonly DeployEngine[] = ['github', 'codepipeline'];

/**
 * The engine `value` names (from `--engine` or the CDK context `engine`), undefined when unset;
 * throws on anything else, saying where the value came from and what the choices are.
 */
export function parseDeployEngine(value: unknown, source: string): DeployEngine | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && (DEPLOY_ENGINES as readonly string[]).includes(value)) {
    return value as DeployEngine;
  }
  throw new Error(
    `${source}: unknown deploy engine ${JSON.stringify(value)}; use ${DEPLOY_ENGINES.join(' or ')}`,
  );
}
