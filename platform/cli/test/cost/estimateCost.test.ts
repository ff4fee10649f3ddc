import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { estimateCost, type EnvironmentCost } from '../../src/cost/estimateCost.js';
import { loadPrices } from '../../src/cost/Prices.js';
import { readCloudAssembly } from '../../src/cost/readCloudAssembly.js';
import { REQUEST_PATH_ASSUMPTIONS } from '../../src/cost/requestPathAssumptions.js';
import { environmentSpec, synthesizeSpecs, type SynthesizedSpecs } from './synthesizeSpecs.js';

// One synthesis of three environments (a few seconds each with cdk-nag) serves every case.
jest.setTimeout(300_000);

const shippedIntegration = readFileSync(
  fileURLToPath(new URL('../../../../pipelines/environments/integration.yaml', import.meta.url)),
  'utf8',
);

describe('Function: estimateCost over synthesized environments', () => {
  let synthesized: SynthesizedSpecs;
  let costs: Map<string, EnvironmentCost>;
  beforeAll(() => {
    synthesized = synthesizeSpecs(
      {
        integration: shippedIntegration,
        'with-waf': environmentSpec(['domain: waf.example.com', 'waf: true']),
        'with-nat': environmentSpec(['domain: nat.example.com', 'network: nat']),
      },
      // aws-ec2's Vpc checks its explicit AZs against the stack's, which is a context lookup;
      // synth makes none, so the answer is given here as cdk.context.json would give it.
      {
        'availability-zones:account=111111111111:region=eu-west-1': [
          'eu-west-1a',
          'eu-west-1b',
          'eu-west-1c',
        ],
      },
    );
    const report = estimateCost(
      readCloudAssembly(synthesized.cdkOut),
      loadPrices(),
      REQUEST_PATH_ASSUMPTIONS,
    );
    costs = new Map(report.environments.map((environment) => [environment.name, environment]));
  });
  afterAll(() => synthesized?.remove());

  const environment = (name: string): EnvironmentCost => {
    const found = costs.get(name);
    if (!found) throw new Error(`no environment ${name} in the report`);
    return found;
  };
  const wafLines = (name: string) =>
    environment(name).fixed.lines.filter((line) => line.type === 'AWS::WAFv2::WebACL');

  it('prices the web ACL and its rules only when waf is on', () => {
    // Act
    const withWaf = wafLines('with-waf');

    // Assess
    expect(wafLines('integration')).toEqual([]);
    expect(withWaf).toHaveLength(1);
    const rules = Number(/\+ (\d+) rules?/.exec(withWaf[0]?.detail ?? '')?.[1]);
    expect(rules).toBeGreaterThan(0);
    expect(withWaf[0]?.monthly).toBeCloseTo(5 + rules * 1, 6);
    expect(environment('with-waf').apiRequests.lines.map((line) => line.step)).toContain(
      'WAF inspection',
    );
    expect(environment('integration').apiRequests.lines.map((line) => line.step)).not.toContain(
      'WAF inspection',
    );
  });

  it('adds exactly the WAF lines to the fixed total', () => {
    // Act
    const difference =
      environment('with-waf').fixed.listPrice - environment('integration').fixed.listPrice;

    // Assess
    const waf = wafLines('with-waf').reduce((sum, line) => sum + line.monthly, 0);
    expect(difference).toBeCloseTo(waf, 6);
    for (const name of ['integration', 'with-waf', 'with-nat']) {
      const { fixed } = environment(name);
      expect(fixed.listPrice).toBeCloseTo(
        fixed.lines.reduce((sum, line) => sum + line.monthly, 0),
        6,
      );
    }
  });

  it('prices a NAT gateway at 730 hours when network is nat', () => {
    // Act
    const nat = environment('with-nat').fixed.lines.filter(
      (line) => line.type === 'AWS::EC2::NatGateway',
    );

    // Assess
    expect(nat.length).toBeGreaterThan(0);
    for (const line of nat) expect(line.monthly).toBeCloseTo(32.85, 6);
    expect(
      environment('integration').fixed.lines.some((line) => line.type === 'AWS::EC2::NatGateway'),
    ).toBe(false);
  });

  it('leaves no resource type of the template unpriced', () => {
    // Assess
    for (const name of ['integration', 'with-waf', 'with-nat']) {
      expect({ name, unpriced: environment(name).fixed.unpriced }).toEqual({ name, unpriced: [] });
    }
  });
});
