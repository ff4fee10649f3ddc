import {
  addEnvironmentStacks,
  defaultServiceTemplatesRoot,
  defaultSpecsDir,
  defaultTemplatesRoot,
  loadEnvironmentSpecs,
  loadServiceSpecs,
} from '@stack/pipelines';
import { App, Stage } from 'aws-cdk-lib';

/** What to synthesize: one environment of the repository's specs. */
export interface SynthStageOptions {
  readonly outdir: string;
  readonly environment: string;
  readonly servicesRoot: string;
  readonly bundled: boolean;
}

/**
 * Builds and synthesizes one environment's stage with the pipeline's own `addEnvironmentStacks`.
 * Path metadata (`aws:cdk:path`) is on, so each function can be traced to the construct that
 * made it; bundling is skipped unless asked for.
 */
export function synthStage(options: SynthStageOptions): Promise<void> {
  const environments = loadEnvironmentSpecs(defaultSpecsDir, defaultTemplatesRoot);
  const services = loadServiceSpecs(
    options.servicesRoot,
    defaultServiceTemplatesRoot,
    environments,
  );
  const spec = environments.find((each) => each.name === options.environment);
  if (!spec)
    throw new Error(
      `no environment "${options.environment}" in ${defaultSpecsDir} (there are ${environments.map((each) => each.name).join(', ')})`,
    );
  const app = new App({
    outdir: options.outdir,
    analyticsReporting: false,
    context: {
      '@aws-cdk/core:appMode': 'inmemory',
      'aws:cdk:enable-path-metadata': true,
      ...(!options.bundled && { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stage = new Stage(app, spec.name, { env: { account: spec.account, region: spec.region } });
  addEnvironmentStacks(stage, spec, services);
  app.synth();
  return Promise.resolve();
}
