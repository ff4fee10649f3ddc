import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAccounts } from '../../src/accounts/loadAccounts.js';
import { deployWorkflow } from '../../src/deploy/deployWorkflow.js';
import { JOB_TIMEOUT_MINUTES, patchDeployWorkflow } from '../../src/deploy/patchDeployWorkflow.js';
import { synthDeployWorkflow } from '../../src/deploy/synthDeployWorkflow.js';
import { defaultSpecsDir, defaultTemplatesRoot, repoRoot } from '../../src/paths.js';
import { loadEnvironmentSpecs } from '../../src/specs/loadEnvironmentSpecs.js';
import { GENERATED_HEADER, renderWorkflow } from '../../src/workflows/renderWorkflow.js';
import type { UsesStep, WorkflowStep } from '../../src/workflows/Workflow.js';
import { environmentName, JobGraph } from './jobGraph.js';
import { tempRepo, type TempRepo } from './tempRepo.js';
import { specYaml } from '../support/tempSpecs.js';

// Each generation synthesizes the pipeline app (a few seconds).
jest.setTimeout(120_000);

const specs = loadEnvironmentSpecs(defaultSpecsDir, defaultTemplatesRoot);
const accounts = loadAccounts();
const waves = [...new Set(specs.map((spec) => spec.wave))]
  .filter((wave) => wave >= 1)
  .sort((a, b) => a - b)
  .map((wave) => specs.filter((spec) => spec.wave === wave).map((spec) => spec.name));

const isUses = (step: WorkflowStep): step is UsesStep => step.uses !== undefined;
const uses = (steps: readonly WorkflowStep[], prefix: string) =>
  steps.filter(isUses).filter((step) => step.uses.startsWith(prefix));

describe('Workflow: deploy.yml (cdk-pipelines-github, patched)', () => {
  const workflow = deployWorkflow({ repoRoot });
  const graph = new JobGraph(workflow);

  it('runs on a push to main and by hand', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: {} });
  });

  it('queues deploys instead of running two at once or cancelling one', () => {
    expect(workflow.concurrency).toEqual({ group: 'deploy', 'cancel-in-progress': false });
  });

  it('deploys every stage of waves 1 and up, and never the local stage of wave 0', () => {
    expect(graph.deployedStages).toEqual(waves.flat().sort());
    expect(specs.find((spec) => spec.wave === 0)?.name).toBe('local');
    expect(JSON.stringify(workflow)).not.toMatch(/assembly-local|"local-/);
  });

  it.each(waves.flat())('deploys %s in a GitHub Environment of its name', (stage) => {
    const jobs = graph.deployJobs(stage);
    expect(jobs.length).toBeGreaterThan(0);
    for (const { job } of jobs) expect(environmentName(job)).toBe(stage);
  });

  it('gives every production stage (wave 2 and up) a GitHub Environment, for approvals', () => {
    const production = specs.filter((spec) => spec.wave >= 2).map((spec) => spec.name);
    expect(production.length).toBeGreaterThan(0);
    for (const stage of production) expect(graph.deployJobs(stage).length).toBeGreaterThan(0);
  });

  it.each(waves.flat())('runs the smoke job of %s after every deploy job of the stage', (stage) => {
    const smoke = graph.smokeJob(stage).job;
    expect(smoke.needs).toEqual(
      expect.arrayContaining(graph.deployJobs(stage).map(({ id }) => id)),
    );
  });

  it('starts every deploy job of a wave only after every smoke job of the wave before', () => {
    for (let index = 1; index < waves.length; index++) {
      const smokes = waves[index - 1]!.map((stage) => graph.smokeJob(stage).id);
      for (const stage of waves[index]!) {
        for (const { id, job } of graph.deployJobs(stage)) {
          expect({ id, needs: job.needs }).toEqual({ id, needs: expect.arrayContaining(smokes) });
        }
      }
    }
  });

  it.each(waves.flat())(
    'smoke-tests %s from a checkout with Node.js 20, npm ci, Chromium and npm run smoke',
    (stage) => {
      const { job } = graph.smokeJob(stage);
      const runs = job.steps.map((step) => step.run ?? '').join('\n');
      expect(uses(job.steps, 'actions/checkout@')).toHaveLength(1);
      expect(uses(job.steps, 'actions/setup-node@')[0]?.with).toEqual({
        'node-version': 20,
        cache: 'npm',
      });
      expect(runs).toContain('npm ci');
      expect(runs).toContain('sudo apt-get install -y chromium');
      expect(runs).toMatch(/^npm run smoke$/m);
      // The smoke suite runs after the set-up, before anything else the job does.
      const smoke = job.steps.findIndex((step) => step.run === 'npm run smoke');
      expect(job.steps.slice(0, smoke).map((step) => step.name)).toEqual([
        'Check out',
        'Set up Node.js 20',
        'Install',
      ]);
    },
  );

  it.each(waves[0]!)(
    'runs the web e2e suite after the smoke suite of %s (first wave), with the password in its step only',
    (stage) => {
      const { job } = graph.smokeJob(stage);
      const names = job.steps.map((step) => step.name);
      expect(names.slice(-3)).toEqual([
        'Run the smoke suite',
        'Run the web e2e suite',
        'Keep the e2e screenshots and traces',
      ]);
      const e2e = job.steps.find((step) => step.run === 'npm run e2e:stage');
      const secret = `\${{ secrets.E2E_PASSWORD_${stage.toUpperCase().replaceAll('-', '_')} }}`;
      expect(e2e?.env).toEqual({ E2E_PASSWORD: secret });
      // No other step (npm ci and its install scripts among them) sees the password.
      expect(
        JSON.stringify({ ...job, steps: job.steps.filter((step) => step !== e2e) }),
      ).not.toContain('secrets.');
      const environmentJob = graph
        .deployJobs(stage)
        .find(({ job: deploy }) => deploy.outputs?.['ApiUrl']);
      expect(job.env).toMatchObject({
        E2E_STAGE: stage,
        E2E_USER: 'e2e-user',
        E2E_ADMIN: 'e2e-admin',
        WEB_URL: `\${{ needs.${environmentJob?.id}.outputs.PublicSiteUrl }}`,
        INTERNAL_URL: `\${{ needs.${environmentJob?.id}.outputs.InternalSiteUrl }}`,
      });
      const upload = uses(job.steps, 'actions/upload-artifact@')[0];
      expect(upload).toMatchObject({
        if: 'failure()',
        with: { path: job.env?.['E2E_OUTPUT_DIR'] },
      });
    },
  );

  it.each(waves.slice(1).flat())(
    'runs only the read-only smoke suite and page load after %s (production: no test reviews)',
    (stage) => {
      const { job } = graph.smokeJob(stage);
      expect(job.steps.at(-1)?.run).toBe('npm run smoke');
      expect(JSON.stringify(job)).not.toMatch(/e2e|E2E|secrets\./);
      expect(job.env?.['SMOKE_WEB_URL']).toMatch(/outputs\.PublicSiteUrl/);
    },
  );

  it.each(waves.flat())(
    "gives %s's smoke suite the ApiUrl output of the stage's environment stack",
    (stage) => {
      const { job } = graph.smokeJob(stage);
      const environmentJob = graph
        .deployJobs(stage)
        .find(({ job: deploy }) => deploy.outputs?.['ApiUrl'] !== undefined);
      expect(environmentJob?.job.outputs?.['ApiUrl']).toBe('${{ steps.Deploy.outputs.ApiUrl }}');
      expect(job.env?.['SMOKE_API_URL']).toBe(`\${{ needs.${environmentJob?.id}.outputs.ApiUrl }}`);
      expect(job.needs).toContain(environmentJob?.id);
    },
  );

  it('reaches AWS only through the OIDC role of pipelines/accounts.yaml, then role chaining', () => {
    const credentialSteps = graph.jobs.flatMap(({ job }) =>
      uses(job.steps, 'aws-actions/configure-aws-credentials@').map((step) => ({ job, step })),
    );
    expect(credentialSteps.length).toBeGreaterThan(0);
    for (const { job, step } of credentialSteps) {
      expect(job.permissions?.['id-token']).toBe('write');
      const chained = step.with?.['role-chaining'] === true;
      if (!chained) expect(step.with?.['role-to-assume']).toBe(accounts.pipeline.githubRoleArn);
      else
        expect(String(step.with?.['role-to-assume'])).toMatch(/:role\/cdk-hnb659fds-deploy-role-/);
      expect(Object.keys(step.with ?? {})).not.toContain('aws-access-key-id');
    }
  });

  it('publishes assets authenticated in the pipeline region, not us-west-2', () => {
    const assetJobs = graph.jobs.filter(({ id }) => id.startsWith('Assets-'));
    expect(assetJobs.length).toBeGreaterThan(0);
    for (const { job } of assetJobs) {
      for (const step of uses(job.steps, 'aws-actions/configure-aws-credentials@')) {
        expect(step.with?.['aws-region']).toBe(accounts.pipeline.region);
      }
    }
  });

  it('gives every job a timeout and each job only the permissions it declares', () => {
    expect(workflow.permissions).toEqual({});
    for (const { id, job } of graph.jobs) {
      expect({ id, timeout: job['timeout-minutes'] }).toEqual({
        id,
        timeout: expect.any(Number),
      });
      expect(Object.values(JOB_TIMEOUT_MINUTES)).toContain(job['timeout-minutes']);
      expect(job.permissions).toBeDefined();
    }
  });

  it('lists each job it needs once, and no empty needs or env', () => {
    for (const { id, job } of graph.jobs) {
      if (job.needs !== undefined) {
        expect({ id, needs: job.needs.length }).toEqual({ id, needs: new Set(job.needs).size });
        expect(job.needs.length).toBeGreaterThan(0);
      }
      if (job.env !== undefined) expect(Object.keys(job.env).length).toBeGreaterThan(0);
    }
  });

  it('is the committed .github/workflows/deploy.yml, header first', () => {
    const text = renderWorkflow(workflow);
    expect(text.split('\n')[0]).toBe(GENERATED_HEADER);
    expect(readFileSync(join(repoRoot, '.github', 'workflows', 'deploy.yml'), 'utf8')).toBe(text);
  });

  it('comes out the same every time it is generated', () => {
    // Two fresh syntheses (the builder keeps its result), each into another temporary folder.
    const generate = () => renderWorkflow(patchDeployWorkflow(synthDeployWorkflow(repoRoot)));
    expect(generate()).toBe(generate());
  });
});

describe('Workflow: deploy.yml with a second single-tenant stage in wave 2', () => {
  let repo: TempRepo;
  let graph: JobGraph;

  beforeAll(() => {
    repo = tempRepo();
    repo.writeSpec(
      'production-single-tenant-globex.yaml',
      specYaml(['domain: globex.example.com', 'tenancy: single', 'tenant: globex'], {
        account: '"222222222222"',
        wave: '2',
      }),
    );
    graph = new JobGraph(deployWorkflow({ repoRoot: repo.root }));
  });

  afterAll(() => repo?.remove());

  it('deploys both tenants in parallel: neither waits for the other', () => {
    const acme = graph.deployJobs('production-single-tenant-acme');
    const globex = graph.deployJobs('production-single-tenant-globex');
    expect(globex.length).toBeGreaterThan(0);
    const ids = (jobs: typeof acme) => jobs.map(({ id }) => id);
    for (const { job } of acme) expect(job.needs).not.toEqual(expect.arrayContaining(ids(globex)));
    for (const { job } of globex) expect(job.needs).not.toEqual(expect.arrayContaining(ids(acme)));
    expect(graph.smokeJob('production-single-tenant-acme').job.needs).not.toContain(
      graph.smokeJob('production-single-tenant-globex').id,
    );
  });

  it('starts wave 3 only after both tenants passed their smoke tests', () => {
    const smokes = ['production-single-tenant-acme', 'production-single-tenant-globex'].map(
      (stage) => graph.smokeJob(stage).id,
    );
    for (const { job } of graph.deployJobs('production-multi-tenant')) {
      expect(job.needs).toEqual(expect.arrayContaining(smokes));
    }
  });
});
