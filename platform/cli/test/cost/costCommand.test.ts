import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CostReport } from '../../src/cost/estimateCost.js';
import { runCli } from '../support/runCli.js';
import { environmentSpec, synthesizeSpecs, type SynthesizedSpecs } from './synthesizeSpecs.js';
import { repositoryServices } from '@stack/kit/testing';

jest.setTimeout(300_000);

const shippedIntegration = readFileSync(
  fileURLToPath(new URL('../../../../pipelines/environments/integration.yaml', import.meta.url)),
  'utf8',
);

describe('Command: stack cost', () => {
  let synthesized: SynthesizedSpecs;
  beforeAll(() => {
    synthesized = synthesizeSpecs({
      integration: shippedIntegration,
      preview: environmentSpec(['retainData: false', 'dashboard: false', 'alarms: false']),
    });
  });
  afterAll(() => synthesized?.remove());
  const paths = () => ['--cdk-out', synthesized.cdkOut, '--specs', synthesized.specsDir];

  it('prints the fixed cost and the price of a million requests of one environment', () => {
    // Act
    const { code, stdout, stderr } = runCli(['cost', '--env', 'integration', ...paths()]);

    // Assess
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(
      /^Prices: us-east-1 list prices in USD as published, checked \d{4}-\d{2}; approximate/,
    );
    // The environment stack plus one stack per service instance (the router instance has none).
    expect(stdout).toContain(
      `integration — account 111111111111, eu-west-1, ${1 + repositoryServices().stacks.length} stacks`,
    );
    expect(stdout).toMatch(/total if this is the only environment in its account: +\$\d+\.\d\d/);
    expect(stdout).toMatch(/One million API requests \(CloudFront → HTTP API → authorizer λ/);
    expect(stdout).not.toContain('preview —');
  });

  it('prints the same report as JSON with --json', () => {
    // Act
    const { code, stdout } = runCli(['cost', '--json', ...paths()]);

    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CostReport;
    expect(report.environments.map((environment) => environment.name)).toEqual([
      'integration',
      'preview',
    ]);
    const preview = report.environments.find((environment) => environment.name === 'preview');
    expect(
      preview?.fixed.lines.filter((line) => line.type.startsWith('AWS::CloudWatch::')),
    ).toEqual([]);
  });

  it('fails on an unknown environment, listing the synthesized ones', () => {
    // Act
    const { code, stderr } = runCli(['cost', '--env', 'staging', ...paths()]);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('unknown environment "staging"; the environments in');
    expect(stderr).toContain('are integration, preview');
  });

  it('tells to run synth when there is no synthesized app', () => {
    // Prepare
    const empty = mkdtempSync(join(tmpdir(), 'stack-cost-empty-'));

    // Act
    const { code, stderr } = runCli([
      'cost',
      '--cdk-out',
      join(empty, 'cdk.out'),
      '--specs',
      synthesized.specsDir,
    ]);
    rmSync(empty, { recursive: true, force: true });

    // Assess
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /no synthesized app in .+cdk\.out \(no manifest\.json\): run npm run synth first/,
    );
  });

  it('tells to run synth again when a spec changed after the last synth', () => {
    // Prepare
    const spec = join(synthesized.specsDir, 'preview.yaml');
    const later = new Date(Date.now() + 60_000);
    utimesSync(spec, later, later);

    // Act
    const { code, stderr } = runCli(['cost', ...paths()]);
    const earlier = new Date(Date.now() - 3_600_000);
    utimesSync(spec, earlier, earlier);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /is older than .+preview\.yaml \(changed after the last synth\): run npm run synth first/,
    );
  });
});
