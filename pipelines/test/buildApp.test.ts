import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Stack, Stage } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/buildApp.js';
import { defaultSpecsDir } from '../src/paths.js';
import { SKIP_BUNDLING } from './support/runSynthScript.js';
import { repositoryServices } from '@stack/kit/testing';

// Synthesizing four environments with cdk-nag takes a few seconds.
jest.setTimeout(120_000);

describe('Function: buildApp', () => {
  let outdir: string | undefined;
  afterEach(() => {
    if (outdir !== undefined) rmSync(outdir, { recursive: true, force: true });
    outdir = undefined;
  });

  it('synthesizes a stage per shipped spec, each with its environment stack in its account', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'stack-app-'));
    outdir = dir;
    const app = buildApp({ specsDir: defaultSpecsDir, outdir: dir, context: SKIP_BUNDLING });

    // Act
    const assembly = app.synth();

    // Assess
    const stages = assembly.nestedAssemblies.map((nested) => ({
      stage: nested.displayName,
      // Sorted: the assembly lists stacks in dependency order (a sender after its target queue).
      stacks: nested.nestedAssembly.stacks
        .map((stack) => [stack.hierarchicalId, stack.environment.account, stack.environment.region])
        .sort(([a], [b]) => (a! < b! ? -1 : 1)),
    }));
    // The manifest lists stages by name; the build order (by wave) is not kept.
    const expected = (stage: string, account: string) => ({
      stage,
      stacks: ['Environment', ...repositoryServices().stacks.map((name) => `Service-${name}`)]
        .map((id) => [`${stage}/${id}`, account, 'eu-west-1'])
        .sort(([a], [b]) => (a! < b! ? -1 : 1)),
    });
    expect(stages).toEqual([
      expected('integration', '111111111111'),
      expected('local', '000000000000'),
      expected('production-multi-tenant', '333333333333'),
      expected('production-single-tenant-acme', '222222222222'),
    ]);
  });

  it('builds only the environments it is asked for, and rejects unknown names', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'stack-app-'));
    outdir = dir;

    // Act
    const app = buildApp({
      specsDir: defaultSpecsDir,
      outdir: dir,
      only: ['integration'],
      context: SKIP_BUNDLING,
    });
    const unknown = () => buildApp({ specsDir: defaultSpecsDir, outdir: dir, only: ['staging'] });

    // Assess
    expect(
      app.node.children.filter((child) => Stage.isStage(child)).map((stage) => stage.node.id),
    ).toEqual(['integration']);
    expect(unknown).toThrow(
      'unknown environment "staging"; the environments are local, integration, production-single-tenant-acme, production-multi-tenant',
    );
  });

  it('fails synthesis on a cdk-nag error nobody acknowledged, naming the rule and the resource', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'stack-app-'));
    outdir = dir;
    const app = buildApp({
      specsDir: defaultSpecsDir,
      outdir: dir,
      only: ['local'],
      context: SKIP_BUNDLING,
    });
    const stack = app.node.findAll().find((node) => Stack.isStack(node));
    if (!stack) throw new Error('the local stage has no stack');
    new Bucket(stack, 'UnloggedBucket');

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/local\/Environment\/UnloggedBucket\/Resource[\s\S]*AwsSolutions-S1/);
  });
});
