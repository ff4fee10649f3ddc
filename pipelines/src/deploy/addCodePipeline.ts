import { type App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { BuildSpec, CfnProject, LinuxBuildImage } from 'aws-cdk-lib/aws-codebuild';
import { PipelineType } from 'aws-cdk-lib/aws-codepipeline';
import { CodePipeline, CodePipelineSource, ShellStep } from 'aws-cdk-lib/pipelines';
import type { IConstruct } from 'constructs';
import { createRequire } from 'node:module';
import type { Accounts } from '../accounts/Accounts.js';
import { type CodePipelineSettings, loadCodePipelineSettings } from './codePipelineSettings.js';
import type { DeployWave } from './deployWaves.js';
import { smokeStep } from './smokeStep.js';
import { PIPELINE_CDK_OUT } from './addGitHubWorkflow.js';
import { BUILD_WEB_EXPORTS_COMMAND, REQUIRE_WEB_EXPORTS_ENV } from '../webExports.js';

/** The stack holding the CodePipeline, in the pipeline account (`cdk deploy Pipeline` once). */
export const PIPELINE_STACK_ID = 'Pipeline';

/** The CodePipeline's synth command: the same app, with this engine. */
export const CODEPIPELINE_SYNTH_COMMAND = 'npm run synth -- --engine codepipeline';

/**
 * Adds the CodePipeline engine to `app`: a stack `Pipeline` in the pipeline account with an
 * aws-cdk-lib `pipelines.CodePipeline` (V2, self-mutating) that builds the repository from its
 * CodeConnections source with `npm ci && npm run synth -- --engine codepipeline`, then deploys the
 * waves in order, each stage followed by the same smoke suite as the GitHub workflow. Deploying
 * into the target accounts goes through their CDK bootstrap roles, which trust the pipeline account.
 */
export function addCodePipeline(
  app: App,
  waves: readonly DeployWave[],
  accounts: Accounts,
  settings: CodePipelineSettings = loadCodePipelineSettings(),
): CodePipeline {
  const stack = new Stack(app, PIPELINE_STACK_ID, {
    stackName: 'stack-pipeline',
    env: { account: accounts.pipeline.accountId, region: accounts.pipeline.region },
    description: 'The Stack: CodePipeline that deploys the environments wave by wave',
  });
  const source = CodePipelineSource.connection(settings.repository, settings.branch, {
    connectionArn: settings.connectionArn,
  });
  const pipeline = new CodePipeline(stack, 'Pipeline', {
    pipelineName: 'stack-deploy',
    pipelineType: PipelineType.V2,
    selfMutation: true,
    // The stages live in other accounts: their deploy roles read the artifacts through a KMS key.
    crossAccountKeys: true,
    enableKeyRotation: true,
    // One CodeBuild project per asset type instead of one per asset: fewer resources, same result.
    publishAssetsInParallel: false,
    cliVersion: installedCdkCliVersion(),
    synth: new ShellStep('Synth', {
      input: source,
      installCommands: ['npm ci --no-audit --no-fund'],
      // As in the GitHub engine: web exports built first, required by synth.
      commands: [BUILD_WEB_EXPORTS_COMMAND, CODEPIPELINE_SYNTH_COMMAND],
      env: { ...REQUIRE_WEB_EXPORTS_ENV },
      primaryOutputDirectory: PIPELINE_CDK_OUT,
    }),
    codeBuildDefaults: {
      buildEnvironment: { buildImage: LinuxBuildImage.STANDARD_7_0 },
      partialBuildSpec: BuildSpec.fromObject({
        phases: { install: { 'runtime-versions': { nodejs: '20' } } },
      }),
    },
  });
  for (const wave of waves) {
    const codePipelineWave = pipeline.addWave(wave.id);
    for (const { stage } of wave.stages) {
      codePipelineWave.addStage(stage, { post: [smokeStep(stage, { input: source })] });
    }
  }
  pipeline.buildPipeline();
  acknowledgePipelineFindings(stack, pipeline);
  return pipeline;
}

/** The aws-cdk CLI version of this repository's lock file, for self-mutation and asset jobs. */
function installedCdkCliVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('aws-cdk/package.json') as { version: string }).version;
}

/** Wildcard actions of the grants aws-cdk-lib gives the pipeline's roles on its bucket and key. */
const GRANTED_ACTIONS = [
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
  's3:Abort*',
  's3:DeleteObject*',
  's3:GetBucket*',
  's3:GetObject*',
  's3:List*',
];

/**
 * cdk-nag findings about resources aws-cdk-lib's CodePipeline creates and configures itself. They
 * can only change by replacing its internals, and each is acceptable for a deploy pipeline. Every
 * wildcard is acknowledged by its exact finding, so a new one (a grant added in this repository, or
 * by a new aws-cdk-lib) still fails synth.
 */
function acknowledgePipelineFindings(stack: Stack, pipeline: CodePipeline): void {
  const { account, region } = stack;
  const logicalId = (construct: IConstruct) => stack.getLogicalId(construct as CfnElement);
  const projects = pipeline.node
    .findAll()
    .filter((construct) => construct instanceof CfnProject)
    .map(logicalId);
  const bucket = pipeline.pipeline.artifactBucket.node.defaultChild;
  const resources = [
    '*',
    `arn:*:iam::${account}:role/*`,
    `arn:<AWS::Partition>:logs:${region}:${account}:log-group:/aws/codebuild/*`,
    `arn:<AWS::Partition>:codebuild:${region}:${account}:report-group/*`,
    ...(bucket ? [`<${logicalId(bucket)}.Arn>/*`] : []),
    ...projects.flatMap((project) => [
      `arn:<AWS::Partition>:codebuild:${region}:${account}:report-group/<${project}>-*`,
      `arn:<AWS::Partition>:logs:${region}:${account}:log-group:/aws/codebuild/<${project}>:*`,
    ]),
  ];
  Validations.of(pipeline).acknowledge(
    ...GRANTED_ACTIONS.map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason:
        "aws-cdk-lib's grant on the pipeline's own artifact bucket and KMS key (read, write, re-encrypt its objects), limited to that bucket and key.",
    })),
    ...resources.map((resource) => ({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason:
        "aws-cdk-lib's grants to the pipeline's roles: objects of its artifact bucket, its CodeBuild log and report groups, and assuming the CDK bootstrap roles (found by their aws-cdk:bootstrap-role tag), which decide what a deployment may do.",
    })),
    {
      id: 'AwsSolutions-S1',
      reason:
        'The artifact bucket holds only build output, KMS-encrypted and read by the pipeline; CloudTrail records who touched it, access logs would need a log bucket of their own.',
    },
  );
}
