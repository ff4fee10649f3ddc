import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../src/paths.js';
import { generateWorkflows } from '../../src/workflows/generateWorkflows.js';
import { renderWorkflow } from '../../src/workflows/renderWorkflow.js';
import { requestServiceWorkflow } from '../../src/workflows/requestServiceWorkflow.js';
import type { Workflow } from '../../src/workflows/Workflow.js';
import { runStepById, stepSandbox, type StepSandbox } from './support/stepScripts.js';

/** The workflow as GitHub reads it: the rendered file parsed back. */
function rendered(context = { repoRoot }): Workflow {
  return parse(renderWorkflow(requestServiceWorkflow(context))) as Workflow;
}

/** The steps' environment as GitHub would fill it for a request. */
const request = {
  NAME: 'inventory',
  TEMPLATE: 'graphql-subgraph',
  OWNER: 'team-stock',
  ENTITY: '',
  ACTOR: 'octocat',
  RUN_URL: 'https://example.invalid/acme/stack/actions/runs/42',
  BASE: 'main',
  GH_TOKEN: 'token-from-secrets',
};

/** Template names with a `v<major>/` holding schema/schema.yaml and skeleton/, read from disk. */
function renderableTemplateFolders(root: string): string[] {
  return readdirSync(root)
    .filter((name) =>
      readdirSync(join(root, name)).some(
        (version) =>
          /^v\d+$/.test(version) &&
          existsSync(join(root, name, version, 'schema', 'schema.yaml')) &&
          existsSync(join(root, name, version, 'skeleton')),
      ),
    )
    .sort();
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' } },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

describe('Function: requestServiceWorkflow', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
  });
  function sandbox(): StepSandbox {
    const created = stepSandbox();
    cleanups.push(() => created.remove());
    return created;
  }

  it('offers every service template folder that stack new service can render', () => {
    // Act
    const template = rendered().on.workflow_dispatch?.inputs?.template;

    // Assess
    expect(template).toMatchObject({ type: 'choice', required: true });
    expect(template?.type === 'choice' && template.options).toEqual(
      renderableTemplateFolders(join(repoRoot, 'service-templates')),
    );
    expect(template?.type === 'choice' && template.options).toContain('graphql-subgraph');
  });

  it('picks up a new template folder when regenerated, once per name and only with a skeleton', () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'stack-repo-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const version = (name: string, major: number, skeleton: boolean) => {
      const dir = join(root, 'service-templates', name, `v${major}`);
      mkdirSync(join(dir, 'schema'), { recursive: true });
      writeFileSync(join(dir, 'schema', 'schema.yaml'), 'schema: {}\n');
      if (skeleton) mkdirSync(join(dir, 'skeleton'));
    };
    version('graphql-subgraph', 1, true);
    version('graphql-subgraph', 2, true);
    version('cron-job', 1, true);
    version('half-done', 1, false);

    // Act
    const template = rendered({ repoRoot: root }).on.workflow_dispatch?.inputs?.template;

    // Assess
    expect(template?.type === 'choice' && template.options).toEqual([
      'cron-job',
      'graphql-subgraph',
    ]);
  });

  it('asks for a name, a template and an owner, and optionally an entity', () => {
    // Act
    const inputs = rendered().on.workflow_dispatch?.inputs ?? {};

    // Assess
    expect(
      Object.entries(inputs).map(([name, input]) => [name, input.type, input.required]),
    ).toEqual([
      ['name', 'string', true],
      ['template', 'choice', true],
      ['owner', 'string', true],
      ['entity', 'string', false],
    ]);
    for (const input of Object.values(inputs)) expect(input.description).not.toBe('');
  });

  it('passes inputs to its scripts only through env, never as ${{ }} inside run', () => {
    // Act
    const steps = Object.values(rendered().jobs).flatMap((job) => job.steps);

    // Assess
    const scripts = steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(scripts.length).toBeGreaterThan(3);
    for (const run of scripts) expect(run).not.toContain('${{');
    const inputValues = steps
      .flatMap((step) => Object.values(step.env ?? {}))
      .filter((value) => String(value).includes('inputs.'));
    expect(new Set(inputValues)).toEqual(
      new Set(['name', 'template', 'owner', 'entity'].map((input) => `\${{ inputs.${input} }}`)),
    );
  });

  it.each([...generateWorkflows({ repoRoot })])(
    'keeps expressions out of every run script of %s',
    (_fileName, text) => {
      // Act
      const workflow = parse(text) as Workflow;

      // Assess
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
      }
    },
  );

  it('grants contents: write and pull-requests: write and nothing more', () => {
    // Act
    const workflow = rendered();

    // Assess
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('runs one request per service name at a time, bounded in time, with actions on major tags', () => {
    // Act
    const workflow = rendered();

    // Assess
    expect(workflow.concurrency?.group).toContain('${{ inputs.name }}');
    const jobs = Object.values(workflow.jobs);
    for (const job of jobs) expect(job['timeout-minutes']).toBeLessThanOrEqual(30);
    const actions = jobs.flatMap((job) => job.steps.flatMap((step) => step.uses ?? []));
    expect(actions).toEqual(['actions/checkout@v4', 'actions/setup-node@v4']);
    expect(jobs[0]?.steps[1]?.with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  it('installs, generates, links, tests, commits and opens the pull request, in that order', () => {
    // Act
    const [job] = Object.values(rendered().jobs);

    // Assess
    const runs = job?.steps.flatMap((step) => step.run ?? []) ?? [];
    const order = [
      'npm ci',
      'npx stack new service "$NAME" --template "$TEMPLATE" --owner "$OWNER"',
      'npm install',
      'npm test -- "services/$NAME"',
      'git push',
      'gh pr create',
    ].map((command) => runs.findIndex((run) => run.includes(command)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).not.toContain(-1);
  });

  describe('its scripts, run by bash with fake commands', () => {
    const workflow = rendered();
    const fakeStack = [
      'printf "%s\\n" "$@" > "$RUNNER_TEMP/npx-args"',
      "echo 'created services/inventory/ from graphql-subgraph@1 (owner team-stock, type Item):'",
      "echo '  services/inventory/service.yaml'",
      "echo ''",
      "echo 'Next steps:'",
      "echo '  npm install'",
    ].join('\n');

    it('calls stack new service without --entity when none is given', () => {
      // Prepare
      const box = sandbox();
      box.fake('npx', fakeStack);

      // Act
      const result = box.run(runStepById(workflow, 'generate'), request);

      // Assess
      expect(result.code).toBe(0);
      expect(readFileSync(join(box.runnerTemp, 'npx-args'), 'utf8').split('\n')).toEqual([
        'stack',
        'new',
        'service',
        'inventory',
        '--template',
        'graphql-subgraph',
        '--owner',
        'team-stock',
        '',
      ]);
      expect(result.stdout).toContain('created services/inventory/');
    });

    it('adds --entity when given, and hands a hostile value over as one argument', () => {
      // Prepare
      const box = sandbox();
      box.fake('npx', fakeStack);
      const hostile = 'Item"; touch pwned; echo "$(touch pwned2)';

      // Act
      const result = box.run(runStepById(workflow, 'generate'), { ...request, ENTITY: hostile });

      // Assess
      expect(result.code).toBe(0);
      expect(readFileSync(join(box.runnerTemp, 'npx-args'), 'utf8').split('\n').slice(-3)).toEqual([
        '--entity',
        hostile,
        '',
      ]);
      expect(existsSync(join(box.dir, 'pwned'))).toBe(false);
      expect(existsSync(join(box.dir, 'pwned2'))).toBe(false);
    });

    it('fails when stack new service fails, although its output goes through tee', () => {
      // Prepare
      const box = sandbox();
      box.fake('npx', 'echo \'stack new service: service name "Inventory" must be …\' >&2\nexit 1');

      // Act
      const result = box.run(runStepById(workflow, 'generate'), request);

      // Assess: the sandbox runs bash -o pipefail, which GitHub does only for an explicit shell
      expect(result.code).not.toBe(0);
      expect(Object.values(workflow.jobs)[0]?.defaults?.run.shell).toBe('bash');
    });

    it('commits everything generated to service/<name> as github-actions[bot], pushes, and refuses a second request', () => {
      // Prepare: a remote with main, and a checkout where stack new service and npm install wrote
      const box = sandbox();
      const origin = join(box.dir, 'origin.git');
      const work = join(box.dir, 'work');
      git(box.dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
      git(box.dir, 'clone', '--quiet', origin, work);
      writeFileSync(join(work, 'tsconfig.json'), '{}\n');
      mkdirSync(join(work, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(work, '.github', 'workflows', 'deploy.yml'), 'name: Deploy\n');
      git(work, 'add', '.');
      git(work, 'commit', '--quiet', '--message', 'Start');
      git(work, 'push', '--quiet', 'origin', 'HEAD:main');
      mkdirSync(join(work, 'services', 'inventory'), { recursive: true });
      writeFileSync(join(work, 'services', 'inventory', 'service.yaml'), 'proton: ServiceSpec\n');
      writeFileSync(join(work, 'tsconfig.json'), '{ "references": [] }\n');
      writeFileSync(join(work, 'package-lock.json'), '{}\n');
      // npm run workflows added the service's deploy jobs.
      writeFileSync(join(work, '.github', 'workflows', 'deploy.yml'), 'name: Deploy\njobs: {}\n');
      writeFileSync(join(work, 'unrelated.txt'), 'not part of the request\n');

      // Act
      const free = box.run(runStepById(workflow, 'branch-free'), request, work);
      const commit = box.run(runStepById(workflow, 'commit'), request, work);
      const again = box.run(runStepById(workflow, 'branch-free'), request, work);

      // Assess
      expect([free.code, commit.code]).toEqual([0, 0]);
      expect(
        git(origin, 'log', '-1', '--format=%an <%ae>%n%s%n%b', 'service/inventory').trim(),
      ).toBe(
        [
          'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
          'Add the inventory service (graphql-subgraph)',
          `Requested by @octocat through the request-service workflow: ${request.RUN_URL}`,
        ].join('\n'),
      );
      expect(
        git(origin, 'show', '--name-only', '--format=', 'service/inventory').trim().split('\n'),
      ).toEqual([
        '.github/workflows/deploy.yml',
        'package-lock.json',
        'services/inventory/service.yaml',
        'tsconfig.json',
      ]);
      expect(again.code).toBe(1);
      expect(again.stdout).toContain('::error::branch service/inventory exists already');
    });

    it('opens the pull request with the generated files and the next steps', () => {
      // Prepare
      const box = sandbox();
      writeFileSync(
        join(box.runnerTemp, 'stack-new.txt'),
        [
          'created services/inventory/ from graphql-subgraph@1 (owner team-stock, type Item):',
          '  services/inventory/service.yaml',
          '  services/inventory/schema.graphql',
          'updated services/router/supergraph.graphql, the generated schema modules and tsconfig.json',
          '',
          'Next steps:',
          '  npm install                 # links the new workspace @stack/inventory',
          '',
        ].join('\n'),
      );
      box.fake(
        'gh',
        [
          'printf "%s\\n" "$@" > "$RUNNER_TEMP/gh-args"',
          'printf "%s" "$GH_TOKEN" > "$RUNNER_TEMP/gh-token"',
        ].join('\n'),
      );

      // Act
      const result = box.run(runStepById(workflow, 'pull-request'), request);

      // Assess
      expect(result.code).toBe(0);
      const args = readFileSync(join(box.runnerTemp, 'gh-args'), 'utf8').split('\n');
      expect(args.slice(0, 8)).toEqual([
        'pr',
        'create',
        '--base',
        'main',
        '--head',
        'service/inventory',
        '--title',
        'Add the inventory service (graphql-subgraph)',
      ]);
      expect(readFileSync(join(box.runnerTemp, 'gh-token'), 'utf8')).toBe('token-from-secrets');
      const body = readFileSync(args[9] ?? '', 'utf8');
      expect(body).toContain('Requested by @octocat');
      expect(body).toContain('## What was generated');
      expect(body).toContain('  services/inventory/schema.graphql');
      expect(body).not.toContain('npm install');
      expect(body).toContain('## Next steps');
      expect(body).toContain('`services/inventory/service.yaml`');
      expect(body).toContain('`npm test -- services/inventory`');
      expect(body).toContain('Close and reopen this pull request to start CI');
    });
  });
});
