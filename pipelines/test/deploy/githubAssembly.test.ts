import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployWorkflowDrift } from '../../src/deploy/githubAssembly.js';
import { defaultSpecsDir, repoRoot } from '../../src/paths.js';
import { runSynthScript } from '../support/runSynthScript.js';

// The real `npm run synth` with cdk-nag and CloudFormation schema checks: about half a minute.
jest.setTimeout(180_000);

const committedWorkflows = join(repoRoot, '.github', 'workflows');

describe('Engine: GitHub (npm run synth -- --engine github, what deploy.yml runs)', () => {
  let work: string;
  let out: string;
  let result: ReturnType<typeof runSynthScript>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'stack-github-engine-'));
    out = join(work, 'cdk.out');
    result = runSynthScript(['--engine', 'github', '--specs', defaultSpecsDir, '--out', out]);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('synthesizes, cdk-nag included, and says which engine it added', () => {
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toContain('with the github deploy pipeline');
  });

  it('writes the publish scripts the asset jobs run, naming the assembly as cdk.out/', () => {
    const scripts = readdirSync(out, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('assembly-'))
      .flatMap((entry) =>
        readdirSync(join(out, entry.name))
          .filter((name) => name.startsWith('publish-') && name.endsWith('-step.sh'))
          .map((name) => readFileSync(join(out, entry.name, name), 'utf8')),
      );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script).toMatch(/--path "cdk\.out\/assembly-[^/]+\/[^"]+\.assets\.json"/);
      expect(script).not.toContain(out);
    }
  });

  it('implies exactly the committed deploy.yml, though that one is generated without bundling', () => {
    expect(deployWorkflowDrift(out, committedWorkflows)).toBeUndefined();
  });

  it('reports a deploy.yml that does not match the assembly, with the first changed lines', () => {
    // Prepare: a copy of the workflows folder whose deploy.yml was edited by hand
    const dir = mkdtempSync(join(work, 'workflows-'));
    const committed = readFileSync(join(committedWorkflows, 'deploy.yml'), 'utf8');
    writeFileSync(
      join(dir, 'deploy.yml'),
      committed.replace('timeout-minutes: 60', 'timeout-minutes: 61'),
    );

    // Act
    const drift = deployWorkflowDrift(out, dir);

    // Assess
    expect(drift).toContain('does not match the pipeline this synthesis built');
    expect(drift).toContain('-    timeout-minutes: 61');
    expect(drift).toContain('+    timeout-minutes: 60');
  });
});
