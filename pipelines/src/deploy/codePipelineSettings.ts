import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What the CodePipeline engine needs beyond the accounts: where its source comes from. */
export interface CodePipelineSettings {
  /** `owner/name` of the GitHub repository the pipeline builds. */
  readonly repository: string;
  /** The branch whose pushes start the pipeline. */
  readonly branch: string;
  /**
   * The CodeConnections (formerly CodeStar Connections) connection to GitHub in the pipeline
   * account, created once in the console: it holds GitHub's authorization, so the pipeline needs
   * no token.
   */
  readonly connectionArn: string;
}

/** pipelines/cdk.json: the CDK CLI reads its context too, so both ways of running the app agree. */
export const defaultCdkJson = fileURLToPath(new URL('../../cdk.json', import.meta.url));

const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const CONNECTION_ARN =
  /^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[\w-]+$/;

/**
 * Reads `context.codepipeline` of pipelines/cdk.json: `repository`, `branch` and `connectionArn`.
 * Read from the file (not from the app's context) because `npm run synth` runs the app without the
 * CDK CLI, and the pipeline's own synth step must build the same pipeline the CLI deployed.
 */
export function loadCodePipelineSettings(file: string = defaultCdkJson): CodePipelineSettings {
  const cdkJson = JSON.parse(readFileSync(file, 'utf8')) as {
    context?: { codepipeline?: Partial<Record<keyof CodePipelineSettings, unknown>> };
  };
  const settings = cdkJson.context?.codepipeline ?? {};
  const problems: string[] = [];
  const { repository, branch, connectionArn } = settings;
  if (typeof repository !== 'string' || !REPOSITORY.test(repository)) {
    problems.push(
      `repository must be the GitHub repository as owner/name, got ${show(repository)}`,
    );
  }
  if (typeof branch !== 'string' || branch.trim() === '') {
    problems.push(`branch must name the branch to deploy, got ${show(branch)}`);
  }
  if (typeof connectionArn !== 'string' || !CONNECTION_ARN.test(connectionArn)) {
    problems.push(
      `connectionArn must be the ARN of a CodeConnections connection to GitHub, got ${show(connectionArn)}`,
    );
  }
  if (problems.length > 0) {
    throw new Error(
      `${file}: context.codepipeline is not usable by the codepipeline engine:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
  }
  return { repository, branch, connectionArn } as CodePipelineSettings;
}

function show(value: unknown): string {
  return JSON.stringify(value ?? null);
}
