// `npm run synth`: validates pipelines/environments/*.yaml, then synthesizes one CDK stage per
// environment into pipelines/cdk.out, checked by cdk-nag. Runs the app directly (tsx), so it
// needs no AWS credentials and no network. Flags (for tests and tools):
//   --specs <dir>   EnvironmentSpecs to read (default pipelines/environments)
//   --services <dir> services whose <name>/service.yaml to read (default services/)
//   --out <dir>     cloud assembly to write (default pipelines/cdk.out)
//   --only <name>   only this environment (repeatable)
//   --app-mode      run as the CDK CLI's app (cdk.json): write where the CLI says ($CDK_OUTDIR)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCdkOut, defaultSpecsDir, defaultTemplatesRoot } from './paths.js';
import { runSynth } from './runSynth.js';

const { values } = parseArgs({
  options: {
    specs: { type: 'string' },
    services: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
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

process.exitCode = await runSynth(
  {
    specsDir: values.specs === undefined ? defaultSpecsDir : resolve(values.specs),
    templatesRoot: defaultTemplatesRoot,
    ...(values.services !== undefined && { servicesRoot: resolve(values.services) }),
    outdir: values['app-mode'] ? resolve(cliOutdir ?? '') : resolve(values.out ?? defaultCdkOut),
    only: values.only,
    cliOwnsOutdir: values['app-mode'],
  },
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
);
