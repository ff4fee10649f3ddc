import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployWorkflow } from '../../src/deploy/deployWorkflow.js';
import { defaultSpecsDir, repoRoot } from '../../src/paths.js';
import { runSynthScript, SKIP_BUNDLING } from '../support/runSynthScript.js';
import { JobGraph } from './jobGraph.js';
import { workflowWaves } from './waves.js';

// The real `npm run synth` with cdk-nag and CloudFormation schema checks: about half a minute.
jest.setTimeout(180_000);

interface Action {
  readonly Name: string;
  readonly RunOrder: number;
  readonly ActionTypeId: { readonly Category: string; readonly Provider: string };
  readonly Configuration?: Record<string, unknown>;
}
interface PipelineStage {
  readonly Name: string;
  readonly Actions: readonly Action[];
}
interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

describe('Engine: CodePipeline (cdk synth --context engine=codepipeline)', () => {
  let work: string;
  let result: ReturnType<typeof runSynthScript>;
  let resources: Resource[];
  let stages: readonly PipelineStage[];
  let pipeline: Resource;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'stack-codepipeline-'));
    const out = join(work, 'cdk.out');
    // The engine comes from the CDK context, as `cdk synth --context engine=codepipeline` sets it.
    result = runSynthScript(['--specs', defaultSpecsDir, '--out', out], {
      ...SKIP_BUNDLING,
      engine: 'codepipeline',
    });
    const template = JSON.parse(readFileSync(join(out, 'Pipeline.template.json'), 'utf8')) as {
      Resources: Record<string, Resource>;
    };
    resources = Object.values(template.Resources);
    pipeline = resources.find((resource) => resource.Type === 'AWS::CodePipeline::Pipeline')!;
    stages = pipeline.Properties['Stages'] as PipelineStage[];
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('synthesizes, cdk-nag included, and says which engine it added', () => {
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toContain('with the codepipeline deploy pipeline');
  });

  it('is a V2 pipeline that updates itself before deploying', () => {
    expect(pipeline.Properties['PipelineType']).toBe('V2');
    expect(stages.slice(0, 4).map((stage) => stage.Name)).toEqual([
      'Source',
      'Build',
      'UpdatePipeline',
      'Assets',
    ]);
  });

  it('synthesizes with npm ci && npm run synth, for this engine', () => {
    const buildSpecs = resources
      .filter((resource) => resource.Type === 'AWS::CodeBuild::Project')
      .map((resource) => JSON.stringify(resource.Properties['Source']));
    const synth = buildSpecs.find((spec) => spec.includes('npm run synth'));
    expect(synth).toContain('npm ci --no-audit --no-fund');
    expect(synth).toContain('npm run synth -- --engine codepipeline');
    expect(synth).toContain('pipelines/cdk.out');
  });

  it('deploys the same stages in the same waves as deploy.yml', () => {
    const fromWorkflow = workflowWaves(new JobGraph(deployWorkflow({ repoRoot })));
    const fromPipeline = stages.slice(4).map((stage) => {
      // A wave of one stage is named after it; a wave of several names its actions <stage>.<step>.
      const prefixes = stage.Actions.map((action) => action.Name.split('.')[0]!);
      return fromWorkflow.flat().includes(stage.Name)
        ? [stage.Name]
        : [...new Set(prefixes)].sort();
    });
    expect(fromPipeline).toEqual(fromWorkflow);
    expect(fromWorkflow.flat()).not.toContain('local');
  });

  it('ends every stage with the smoke suite, fed the stage ApiUrl output', () => {
    for (const stage of stages.slice(4)) {
      const last = Math.max(...stage.Actions.map((action) => action.RunOrder));
      const smoke = stage.Actions.find((action) => action.Name.endsWith('Smoke'));
      expect({ stage: stage.Name, runOrder: smoke?.RunOrder }).toEqual({
        stage: stage.Name,
        runOrder: last,
      });
      const variables = String(smoke?.Configuration?.['EnvironmentVariables']);
      expect(variables).toContain('SMOKE_API_URL');
      expect(variables).toContain('ApiUrl');
    }
    const smokeProject = resources
      .filter((resource) => resource.Type === 'AWS::CodeBuild::Project')
      .map((resource) => JSON.stringify(resource.Properties['Source']))
      .find((spec) => spec.includes('npm run smoke'));
    expect(smokeProject).toContain('npm ci --no-audit --no-fund');
  });
});
