import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CloudAssembly, CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryServices } from '@stack/kit/testing';
import { buildPreviewApp } from '../../src/preview/buildPreviewApp.js';
import { parsePullRequestNumber } from '../../src/preview/pullRequestNumber.js';
import { defaultPreviewsDir, PREVIEW_TAGS } from '../../src/preview/previewSpec.js';
import { SKIP_BUNDLING } from '../support/runSynthScript.js';

// Synthesizes with cdk-nag and CloudFormation schema validation (about ten seconds).
jest.setTimeout(180_000);

interface Resource {
  readonly Type: string;
  readonly DeletionPolicy?: string;
  readonly Properties?: { readonly Description?: string };
}

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const previewApp = fileURLToPath(new URL('../../src/preview/previewApp.ts', import.meta.url));

/** Runs `tsx pipelines/src/preview/previewApp.ts` as the CDK CLI would, with only `env` added. */
function runPreviewApp(args: readonly string[], env: Record<string, string> = {}) {
  const inherited = { ...process.env };
  delete inherited.PREVIEW_PR;
  const result = spawnSync(process.execPath, [tsx, previewApp, ...args], {
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stderr: result.stderr };
}

describe('Function: buildPreviewApp', () => {
  let outdir: string;
  let assembly: CloudAssembly;
  let expires: string;

  beforeAll(() => {
    // Prepare
    outdir = mkdtempSync(join(tmpdir(), 'stack-preview-'));
    const built = buildPreviewApp({
      pullRequest: 12,
      outdir,
      now: new Date('2026-03-01T22:30:00Z'),
      days: 7,
      context: SKIP_BUNDLING,
    });
    expires = built.expires;

    // Act
    assembly = built.app.synth();
  });

  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
  });

  function stacks(): CloudFormationStackArtifact[] {
    return assembly.nestedAssemblies.flatMap((nested) => nested.nestedAssembly.stacks);
  }

  it('builds one stage pr-12 in the preview account, with no subgraph stacks', () => {
    // Assess: colocated, so the subgraphs have no stacks of their own; workers keep theirs
    expect(assembly.nestedAssemblies.map((nested) => nested.displayName)).toEqual(['pr-12']);
    expect(stacks().map((stack) => [stack.hierarchicalId, stack.stackName])).toEqual([
      ['pr-12/Environment', 'pr-12-Environment'],
      ...repositoryServices().workers.map((name) => [
        `pr-12/Service-${name}`,
        `pr-12-Service-${name}`,
      ]),
    ]);
    expect(stacks()[0]?.environment).toMatchObject({ account: '444444444444' });
    expect(stacks().some((stack) => stack.hierarchicalId.includes('Service-users'))).toBe(false);
  });

  it('runs the subgraphs inside the router, which keeps introspection and error details', () => {
    // Act
    const resources = Object.values(
      (stacks()[0]?.template as { Resources: Record<string, Resource> }).Resources,
    );
    const router = resources.find(
      (resource) =>
        resource.Type === 'AWS::Lambda::Function' &&
        resource.Properties?.Description?.endsWith('(colocated)'),
    );

    // Assess
    expect(router).toBeDefined();
    expect(JSON.stringify(router)).toContain('"PRODUCTION":"false"');
  });

  it('keeps no data: retainData false deletes the table, user pool and logs with the stack', () => {
    // Act
    const resources = Object.values(
      (stacks()[0]?.template as { Resources: Record<string, Resource> }).Resources,
    );
    const byType = (type: string) => resources.filter((resource) => resource.Type === type);

    // Assess
    expect(resources.filter((resource) => resource.DeletionPolicy === 'Retain')).toEqual([]);
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::Logs::LogGroup']) {
      expect(byType(type).length).toBeGreaterThan(0);
      expect(byType(type).map((resource) => resource.DeletionPolicy)).toEqual(
        byType(type).map(() => 'Delete'),
      );
    }
    expect(stacks()[0]?.terminationProtection).toBeFalsy();
  });

  it('tags every stack with its pull request and the expiry date, a week after deployment', () => {
    // Assess
    expect(expires).toBe('2026-03-08');
    for (const stack of stacks()) {
      expect(stack.tags).toMatchObject({
        [PREVIEW_TAGS.pullRequest]: '12',
        [PREVIEW_TAGS.expires]: '2026-03-08',
        'stack:stage': 'pr-12',
      });
    }
  });
});

describe('Preview pull request numbers', () => {
  it.each(['12', '1', ' 7 '])('reads %j as a pull request number', (value) => {
    // Act + Assess
    expect(parsePullRequestNumber(value, '--pr')).toBe(Number(value.trim()));
  });

  it.each(['0', '-3', '1.5', 'abc', '12abc', '1e3', '0012', '1234567890'])(
    'refuses %j, naming where it came from',
    (value) => {
      // Act + Assess
      expect(() => parsePullRequestNumber(value, 'PREVIEW_PR')).toThrow(
        `PREVIEW_PR must be a pull request number, a whole number from 1 (e.g. 12), got ${JSON.stringify(value)}`,
      );
    },
  );

  it('says how to pass the number when there is none', () => {
    // Act + Assess
    expect(() => parsePullRequestNumber(undefined, '--pr')).toThrow(
      'no pull request number: pass --pr <number> or set PREVIEW_PR',
    );
  });

  it.each([0, -1, 2.5, Number.NaN])('buildPreviewApp refuses %p before reading any spec', (pr) => {
    // Act + Assess
    expect(() => buildPreviewApp({ pullRequest: pr, outdir: tmpdir() })).toThrow(
      'the pull request number must be a whole number from 1',
    );
  });

  it('the app entry refuses a bad --pr with exit code 1 and the reason', () => {
    // Act
    const result = runPreviewApp(['--pr', 'twelve']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'preview: --pr must be a pull request number, a whole number from 1 (e.g. 12), got "twelve"',
    );
  });

  it('the app entry reads PREVIEW_PR when there is no --pr, and refuses it too', () => {
    // Act
    const result = runPreviewApp([], { PREVIEW_PR: '0' });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('preview: PREVIEW_PR must be a pull request number');
  });
});

describe('The preview spec (pipelines/previews/preview.yaml)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stack-previews-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('must deploy into the preview account of pipelines/accounts.yaml', () => {
    // Prepare: the shipped spec, moved to the integration account
    const spec = readFileSync(join(defaultPreviewsDir, 'preview.yaml'), 'utf8');
    writeFileSync(join(dir, 'preview.yaml'), spec.replace("'444444444444'", "'111111111111'"));

    // Act + Assess
    expect(() => buildPreviewApp({ pullRequest: 3, outdir: dir, previewsDir: dir })).toThrow(
      /preview\.yaml:\d+:\d+ \/account: previews deploy into the preview account of pipelines\/accounts\.yaml \(444444444444\), got 111111111111/,
    );
  });

  it('must stay wave 0, never deployed by deploy.yml and never in production mode', () => {
    // Prepare
    const spec = readFileSync(join(defaultPreviewsDir, 'preview.yaml'), 'utf8');
    writeFileSync(join(dir, 'preview.yaml'), spec.replace('wave: 0', 'wave: 2'));

    // Act + Assess
    expect(() => buildPreviewApp({ pullRequest: 3, outdir: dir, previewsDir: dir })).toThrow(
      /preview\.yaml:\d+:\d+ \/wave: must be 0 for previews/,
    );
  });
});
