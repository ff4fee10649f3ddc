// `npm run synth`: validates pipelines/environments/*.yaml, then synthesizes one CDK stage per
// environment into pipelines/cdk.out, checked by cdk-nag. Runs the app directly (tsx), so it
// needs no AWS credentials and no network. Flags (for tests and tools):
//   --specs <dir>   EnvironmentSpecs to read (default pipelines/environments)
//   --services <dir> services whose <name>/service.yaml to read (default services/)
//   --out <dir>     cloud assembly to write (default pipelines/cdk.out)
//   --only <name>   only this environment (repeatable)
//   --engine <name> add the deploy pipeline: github (deploy.yml's assembly) or codepipeline;
//                   the CDK CLI's `--context engine=<name>` does the same
//   --check-workflows  compare .github/workflows with the generators instead of regenerating
//                   them (the deploy workflow's synth job; CI never writes)
//   --app-mode      run as the CDK CLI's app (cdk.json): write where the CLI says ($CDK_OUTDIR)
// After synthesizing the repository's own specs (no --specs, --services or --app-mode), it
// regenerates .github/workflows as `npm run workflows` does.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type DeployEngine, parseDeployEngine } from './deploy/DeployEngine.js';
import { defaultCdkOut, defaultSpecsDir, defaultTemplatesRoot, repoRoot } from './paths.js';
import { runSynth } from './runSynth.js';

const { values } = parseArgs({
  options: {
    specs: { type: 'string' },
    services: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
    engine: { type: 'string' },
    'check-workflows': { type: 'boolean', default: false },
    'app-mode': { type: 'boolean', default: false },
  },
});

const cliOutdir = process.env.CDK_OUTDIR;
if (values['app-mode'] && cliOutdir === undefined) {
  process.stderr.write(
    'synth: --app-mode is for the CDK CLI, which sets CDK_OUTDIR; run npm run synth instead\n',
  );
  process.exit(1);
}

let engine: DeployEngine | undefined;
try {
  engine = parseDeployEngine(values.engine, 'synth --engine');
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

// Workflows are generated from the repository's own specs; a synthesis of other specs (tests,
// tools) or one the CDK CLI runs leaves them alone.
const ownSpecs = values.specs === undefined && values.services === undefined;
const workflows =
  ownSpecs && !values['app-mode']
    ? {
        repoRoot,
        workflowsDir: join(repoRoot, '.github', 'workflows'),
        check: values['check-workflows'],
      }
    : undefined;

process.exitCode = await runSynth(
  {
    specsDir: values.specs === undefined ? defaultSpecsDir : resolve(values.specs),
    templatesRoot: defaultTemplatesRoot,
    ...(values.services !== undefined && { servicesRoot: resolve(values.services) }),
    outdir: values['app-mode'] ? resolve(cliOutdir ?? '') : resolve(values.out ?? defaultCdkOut),
    only: values.only,
    cliOwnsOutdir: values['app-mode'],
    ...(engine && { engine }),
    ...(workflows && { workflows }),
  },
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
);
