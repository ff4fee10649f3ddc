import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSynthScript } from './support/runSynthScript.js';
import { serviceYaml, tempServices, type TempServices } from './support/tempServices.js';
import { specYaml, tempSpecs, type TempSpecs } from './support/tempSpecs.js';
import { repositoryServices } from '@stack/kit/testing';

// Each case starts the real script (Node with tsx) and, when valid, synthesizes with cdk-nag.
jest.setTimeout(180_000);

describe('Script: npm run synth (pipelines/src/synth.ts)', () => {
  let specs: TempSpecs | undefined;
  let services: TempServices | undefined;
  let work: string | undefined;
  afterEach(() => {
    specs?.remove();
    services?.remove();
    services = undefined;
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
    specs = undefined;
    work = undefined;
  });

  it('fails on an invalid spec with file, path and reason, and writes nothing', () => {
    // Prepare
    specs = tempSpecs();
    specs.write('integration.yaml', specYaml(['domain: integration.example.com']));
    specs.write('broken.yaml', specYaml(['waf: yes']));
    work = mkdtempSync(join(tmpdir(), 'stack-synth-'));
    const out = join(work, 'cdk.out');

    // Act
    const { code, stdout, stderr } = runSynthScript(['--specs', specs.dir, '--out', out]);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('invalid environment specs (1 problem):');
    expect(stderr).toMatch(/broken\.yaml:7:8 \/spec\/waf: must be boolean, got "yes"/);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('fails on an invalid service spec with file, path and reason, and writes nothing', () => {
    // Prepare
    specs = tempSpecs({ copyShipped: true });
    services = tempServices();
    services.write('inventory', serviceYaml(['owner: team-inventory', 'memorySize: big']));
    work = mkdtempSync(join(tmpdir(), 'stack-synth-'));
    const out = join(work, 'cdk.out');

    // Act
    const { code, stderr } = runSynthScript([
      '--specs',
      specs.dir,
      '--services',
      services.dir,
      '--out',
      out,
    ]);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('invalid service specs (1 problem):');
    expect(stderr).toMatch(
      /inventory\/service\.yaml:5:15 \/spec\/memorySize: must be integer, got "big"/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('synthesizes one assembly per environment and prints a line per stage', () => {
    // Prepare
    specs = tempSpecs({ copyShipped: true });
    work = mkdtempSync(join(tmpdir(), 'stack-synth-'));
    const out = join(work, 'cdk.out');

    // Act
    const { code, stdout, stderr } = runSynthScript([
      '--specs',
      specs.dir,
      '--out',
      out,
      '--only',
      'integration',
      '--only',
      'local',
    ]);

    // Assess
    expect({ code, stderr }).toMatchObject({ code: 0 });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^4 environment specs valid in .+ \(\d+ ms\)$/);
    const repository = repositoryServices();
    expect(lines[1]).toMatch(
      new RegExp(
        `^${repository.specs.length} service specs valid in (.+/)?services \\(\\d+ ms\\)$`,
      ),
    );
    // The environment stack and one per service instance (the router instance has none).
    const stackCount = `${1 + repository.stacks.length} stacks`;
    expect(lines[2]).toMatch(
      new RegExp(`^ {2}local {8}wave 0 {2}${stackCount} {2}built in \\d+ ms$`),
    );
    expect(lines[3]).toMatch(
      new RegExp(`^ {2}integration {2}wave 1 {2}${stackCount} {2}built in \\d+ ms$`),
    );
    expect(lines[4]).toMatch(
      /^synthesized 2 stages and checked them \(cdk-nag, CloudFormation schemas\) in [\d.]+ m?s → .+cdk\.out \(total [\d.]+ m?s\)$/,
    );
    expect(
      readdirSync(out)
        .filter((entry) => entry.startsWith('assembly-'))
        .sort(),
    ).toEqual(['assembly-integration', 'assembly-local']);
    const manifest = JSON.parse(
      readFileSync(join(out, 'assembly-integration', 'manifest.json'), 'utf8'),
    ) as {
      artifacts: Record<string, { type: string; environment?: string }>;
    };
    const stacks = Object.values(manifest.artifacts).filter(
      (a) => a.type === 'aws:cloudformation:stack',
    );
    // The environment and one stack per service instance (services/*/service.yaml).
    expect(stacks.map((stack) => stack.environment)).toEqual(
      Array.from(
        { length: 1 + repositoryServices().stacks.length },
        () => 'aws://111111111111/eu-west-1',
      ),
    );
  });
});
