import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodePipelineSettings } from '../../src/deploy/codePipelineSettings.js';
import { parseDeployEngine } from '../../src/deploy/DeployEngine.js';
import { deployWaves } from '../../src/deploy/deployWaves.js';
import { defaultSpecsDir, defaultTemplatesRoot } from '../../src/paths.js';
import { loadEnvironmentSpecs } from '../../src/specs/loadEnvironmentSpecs.js';
import type { Stage } from 'aws-cdk-lib';

describe('Function: parseDeployEngine', () => {
  it.each(['github', 'codepipeline'])('takes %s', (engine) => {
    expect(parseDeployEngine(engine, 'synth --engine')).toBe(engine);
  });

  it('is undefined when no engine is asked for', () => {
    expect(parseDeployEngine(undefined, 'synth --engine')).toBeUndefined();
  });

  it('refuses anything else, saying where it came from and what to use', () => {
    expect(() => parseDeployEngine('jenkins', 'CDK context "engine"')).toThrow(
      'CDK context "engine": unknown deploy engine "jenkins"; use github or codepipeline',
    );
  });
});

describe('Function: deployWaves', () => {
  it('groups the shipped stages into waves 1, 2, 3 and leaves out local (wave 0)', () => {
    const specs = loadEnvironmentSpecs(defaultSpecsDir, defaultTemplatesRoot);
    const waves = deployWaves(specs.map((spec) => ({ spec, stage: {} as Stage })));
    expect(waves.map(({ id, stages }) => [id, stages.map(({ spec }) => spec.name)])).toEqual([
      ['wave-1', ['integration']],
      ['wave-2', ['production-single-tenant-acme']],
      ['wave-3', ['production-multi-tenant']],
    ]);
  });
});

describe('Function: loadCodePipelineSettings', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const write = (context: unknown) => {
    dir = mkdtempSync(join(tmpdir(), 'stack-cdk-json-'));
    const file = join(dir, 'cdk.json');
    writeFileSync(file, JSON.stringify({ app: 'x', context }));
    return file;
  };

  it('reads the shipped pipelines/cdk.json', () => {
    expect(loadCodePipelineSettings()).toEqual({
      repository: expect.stringMatching(/^[\w-]+\/[\w.-]+$/),
      branch: 'main',
      connectionArn: expect.stringMatching(/^arn:aws:codeconnections:/),
    });
  });

  it('lists every unusable setting at once', () => {
    const file = write({ codepipeline: { repository: 'no-slash', connectionArn: 'arn:nope' } });
    expect(() => loadCodePipelineSettings(file)).toThrow(
      /repository must be .*\n.*branch must .*\n.*connectionArn must be/,
    );
  });
});
