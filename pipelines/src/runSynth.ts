import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { relative } from 'node:path';
import type { BuiltStage } from './buildApp.js';
import { discardAssembly, prepareOutdir } from './prepareOutdir.js';
import { defaultServicesRoot, defaultServiceTemplatesRoot } from './paths.js';
import { checkEnvironmentAccounts, loadAccounts } from './accounts/loadAccounts.js';
import { loadEnvironmentSpecs } from './specs/loadEnvironmentSpecs.js';
import { loadServiceSpecs } from './specs/loadServiceSpecs.js';
import { SpecError } from './specs/SpecError.js';
import type { Accounts } from './accounts/Accounts.js';
import { type DeployEngine, parseDeployEngine } from './deploy/DeployEngine.js';

/** What `npm run synth` was asked to do. */
export interface SynthOptions {
  readonly specsDir: string;
  readonly templatesRoot: string;
  readonly outdir: string;
  /** Services folder (`services/`, one `<name>/service.yaml` per instance); default the repo's. */
  readonly servicesRoot?: string;
  /** Default: the repository's `service-templates/`. */
  readonly serviceTemplatesRoot?: string;
  /** The organization's accounts; default `pipelines/accounts.yaml`. */
  readonly accountsFile?: string;
  /** Only these environments; default all. */
  readonly only?: readonly string[];
  /**
   * The CDK CLI runs the app (cdk.json) and owns `outdir`: do not empty it beforehand, and
   * leave whatever it holds after a failure for the CLI to report.
   */
  readonly cliOwnsOutdir?: boolean;
  /**
   * Add this engine's deploy pipeline around the stages of waves 1 and up; default the CDK context
   * `engine` (`cdk synth --context engine=codepipeline`), else none (the stages only).
   */
  readonly engine?: DeployEngine;
  /**
   * After a successful synthesis, regenerate `.github/workflows` (`npm run workflows`), or with
   * `check` only compare (`npm run workflows -- --check`); a problem fails the synthesis. With the
   * github engine, deploy.yml there must also match the pipeline just synthesized.
   */
  readonly workflows?: {
    readonly repoRoot: string;
    readonly workflowsDir: string;
    readonly check: boolean;
  };
}

/** Where synth prints: progress and results to `out`, problems to `err`. */
export interface SynthOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Validates every spec first (an invalid one fails before anything is written), then builds
 * and synthesizes the app with cdk-nag; resolves to the process exit code.
 */
export async function runSynth(options: SynthOptions, io: SynthOutput): Promise<number> {
  const started = performance.now();
  let accounts: Accounts;
  try {
    const specs = loadEnvironmentSpecs(options.specsDir, options.templatesRoot);
    accounts = loadAccounts(options.accountsFile);
    checkEnvironmentAccounts(specs, accounts);
    io.out(
      `${specs.length} environment specs valid in ${show(options.specsDir)} (${ms(started)})\n`,
    );
    const servicesRoot = options.servicesRoot ?? defaultServicesRoot;
    const services = loadServiceSpecs(
      servicesRoot,
      options.serviceTemplatesRoot ?? defaultServiceTemplatesRoot,
      specs,
    );
    io.out(`${services.length} service specs valid in ${show(servicesRoot)} (${ms(started)})\n`);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    io.err(`${error.message}\n`);
    return 1;
  }

  if (!options.cliOwnsOutdir) prepareOutdir(options.outdir);
  // Loaded after validation: aws-cdk-lib, cdk-nag and the templates take a second to import,
  // which a spec typo should not wait for.
  const { buildApp } = await import('./buildApp.js');
  const stages: BuiltStage[] = [];
  const app = buildApp({
    specsDir: options.specsDir,
    templatesRoot: options.templatesRoot,
    ...(options.servicesRoot && { servicesRoot: options.servicesRoot }),
    ...(options.serviceTemplatesRoot && { serviceTemplatesRoot: options.serviceTemplatesRoot }),
    outdir: options.outdir,
    only: options.only,
    onStage: (stage) => stages.push(stage),
  });
  let engine: DeployEngine | undefined;
  try {
    engine =
      options.engine ?? parseDeployEngine(app.node.tryGetContext('engine'), 'CDK context "engine"');
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 1;
  }
  if (engine !== undefined) {
    const { addDeployPipeline } = await import('./deploy/addDeployPipeline.js');
    addDeployPipeline(app, stages, engine, accounts);
  }
  const width = Math.max(...stages.map((stage) => stage.spec.name.length));
  for (const { spec, stacks, millis } of stages) {
    io.out(
      `  ${spec.name.padEnd(width)}  wave ${spec.wave}  ${stacks} stack${stacks === 1 ? ' ' : 's'}  built in ${Math.round(millis)} ms\n`,
    );
  }

  const synthStarted = performance.now();
  let assembly: CloudAssembly;
  try {
    assembly = app.synth();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ValidationFailed') throw error;
    if (!options.cliOwnsOutdir) discardAssembly(options.outdir);
    io.err(
      `synth failed: validation found problems nobody acknowledged (cdk-nag's AwsSolutions and\n` +
        `Serverless packs, CloudFormation schemas). Fix each resource, or acknowledge the rule next\n` +
        `to the construct that owns it with Validations.of(construct).acknowledge({ id, reason })\n` +
        `and a reason a reviewer accepts.\n\n` +
        `${error.message}\n`,
    );
    return 1;
  }

  const lookups = [
    assembly,
    ...assembly.nestedAssemblies.map((nested) => nested.nestedAssembly),
  ].flatMap((each) => each.manifest.missing ?? []);
  if (lookups.length > 0) {
    if (!options.cliOwnsOutdir) discardAssembly(options.outdir);
    io.err(
      `synth failed: the app asked for context lookups (${lookups.map((lookup) => lookup.key).join(', ')}); synth runs without AWS access, so every value must be explicit: no fromLookup(), and a stack with a Vpc overrides its availabilityZones getter\n`,
    );
    return 1;
  }

  if (engine === 'github') {
    const { relocatePublishScripts } = await import('./deploy/githubAssembly.js');
    relocatePublishScripts(options.outdir);
  }
  io.out(
    `synthesized ${stages.length} stage${stages.length === 1 ? '' : 's'}${engine ? ` with the ${engine} deploy pipeline` : ''} and checked them (cdk-nag, CloudFormation schemas) in ${ms(synthStarted)} → ${show(options.outdir)} (total ${ms(started)})\n`,
  );
  return options.workflows ? regenerateWorkflows(options.workflows, options, engine, io) : 0;
}

/**
 * `npm run workflows` (or its `--check`) after a successful synthesis, so the workflows follow the
 * specs just synthesized; with the github engine, deploy.yml must also match this assembly.
 */
async function regenerateWorkflows(
  { repoRoot, workflowsDir, check }: NonNullable<SynthOptions['workflows']>,
  options: SynthOptions,
  engine: DeployEngine | undefined,
  io: SynthOutput,
): Promise<number> {
  io.out(`workflows: ${check ? 'checking' : 'regenerating'} ${show(workflowsDir)}\n`);
  const { syncWorkflows } = await import('./workflows/syncWorkflows.js');
  const code = await syncWorkflows({ repoRoot, workflowsDir, check }, io);
  if (code !== 0 || engine !== 'github' || (options.only?.length ?? 0) > 0) return code;
  const { deployWorkflowDrift } = await import('./deploy/githubAssembly.js');
  const drift = deployWorkflowDrift(options.outdir, workflowsDir);
  if (drift === undefined) return 0;
  io.err(
    `synth failed: the deploy workflow generated offline differs from the one this assembly implies, so its asset jobs would not match the publish scripts; the pipeline's job graph must not depend on bundle contents.\n${drift}\n`,
  );
  return 1;
}

function ms(since: number): string {
  const millis = performance.now() - since;
  return millis < 1000 ? `${Math.round(millis)} ms` : `${(millis / 1000).toFixed(1)} s`;
}

function show(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === '' || fromCwd.startsWith('..') ? path : fromCwd;
}
