import { type App, Stack, Stage, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { addEnvironmentStack } from './addEnvironmentStack.js';
import {
  addServiceStacks,
  type PlannedService,
  planServices,
  subgraphFunctionsOf,
} from './addServiceStacks.js';
import { type ColocatedInstance, writeColocatedRouterEntry } from './colocatedRouterEntry.js';
import { dirname } from 'node:path';
import { newStackApp } from './newStackApp.js';
import { splitRouter } from './routerInstance.js';
import { defaultServicesRoot, defaultServiceTemplatesRoot, defaultTemplatesRoot } from './paths.js';
import type { EnvironmentSpec } from './specs/EnvironmentSpec.js';
import { loadEnvironmentSpecs } from './specs/loadEnvironmentSpecs.js';
import { loadServiceSpecs } from './specs/loadServiceSpecs.js';
import type { ServiceSpec } from './specs/ServiceSpec.js';

/** What `buildApp` builds and where the app will synthesize to. */
export interface BuildAppOptions {
  /** Folder of EnvironmentSpec files (`pipelines/environments`). */
  readonly specsDir: string;
  /** The cloud assembly folder `app.synth()` writes. */
  readonly outdir: string;
  /** Build only these environments (spec names); default: every spec. */
  readonly only?: readonly string[];
  /** Default: the repository's `environment-templates/`. */
  readonly templatesRoot?: string;
  /** Services folder (`<name>/service.yaml` per instance); default the repository's `services/`. */
  readonly servicesRoot?: string;
  /** Default: the repository's `service-templates/`. */
  readonly serviceTemplatesRoot?: string;
  /** Extra CDK context, e.g. `{ 'aws:cdk:bundling-stacks': [] }` to skip asset bundling. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Called after each stage is constructed, in build order (wave, then name). */
  readonly onStage?: (stage: BuiltStage) => void;
}

/** A stage as built: its spec, how many stacks it holds and how long constructing it took. */
export interface BuiltStage {
  readonly spec: EnvironmentSpec;
  readonly stage: Stage;
  readonly stacks: number;
  readonly millis: number;
}

/**
 * Builds the CDK app: one Stage per EnvironmentSpec (id = spec name, env = its account and
 * region) holding the stack of its environment template and one stack per service instance
 * (every `services/<name>/service.yaml`), with cdk-nag's AwsSolutions and
 * Serverless packs checking every resource. Throws SpecError if a spec is invalid; its
 * `synth()` throws (error name `ValidationFailed`) on any finding nobody acknowledged.
 */
export function buildApp(options: BuildAppOptions): App {
  const environments = loadEnvironmentSpecs(
    options.specsDir,
    options.templatesRoot ?? defaultTemplatesRoot,
  );
  // Validated against every environment, so `--only` cannot hide an incompatible one.
  const services = loadServiceSpecs(
    options.servicesRoot ?? defaultServicesRoot,
    options.serviceTemplatesRoot ?? defaultServiceTemplatesRoot,
    environments,
  );
  const specs = selectSpecs(environments, options.only);
  const app = newStackApp(options.outdir, options.context);
  for (const spec of specs) {
    const started = performance.now();
    const stage = new Stage(app, spec.name, {
      env: { account: spec.account, region: spec.region },
    });
    addEnvironmentStacks(stage, spec, services);
    options.onStage?.({
      spec,
      stage,
      stacks: stage.node.findAll().filter((node) => Stack.isStack(node)).length,
      millis: performance.now() - started,
    });
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

/**
 * Fills one environment's stage: the stack of its environment template and one stack per
 * service instance (none for the router instance, which tunes the environment's router, nor
 * for subgraphs of a colocated environment, which run inside it). Used for every stage the
 * app synthesizes, whichever engine deploys it (GitHub workflow, CodePipeline, a preview).
 */
export function addEnvironmentStacks(
  stage: Stage,
  spec: EnvironmentSpec,
  services: readonly ServiceSpec[],
): void {
  const { router, services: planned } = splitRouter(spec, planServices(spec, services));
  if (spec.inputs.subgraphTopology === 'colocated') {
    // The subgraphs run inside the router: no stacks of their own.
    const colocated = writeColocatedRouterEntry(spec.name, colocatedInstances(spec, planned));
    const environmentStack = addEnvironmentStack(stage, spec, { colocated, router });
    addServiceStacks(
      stage,
      spec,
      planned.filter((each) => !each.subgraph),
      environmentStack,
    );
  } else {
    const environmentStack = addEnvironmentStack(stage, spec, {
      subgraphFunctions: subgraphFunctionsOf(planned),
      router,
    });
    addServiceStacks(stage, spec, planned, environmentStack);
  }
}

/**
 * The subgraph instances a colocated environment bundles into its router. A subgraph with event
 * subscriptions needs a function of its own for the rules to invoke, so it cannot be colocated.
 */
function colocatedInstances(
  environment: EnvironmentSpec,
  planned: readonly PlannedService[],
): ColocatedInstance[] {
  return planned
    .filter((each) => each.subgraph)
    .map(({ service, inputs }) => {
      const subscriptions = inputs['subscriptions'];
      if (Array.isArray(subscriptions) && subscriptions.length > 0) {
        throw new Error(
          `${service.file}: ${service.name} has subscriptions, which need a function of its own, but ${environment.file} sets subgraphTopology: colocated (the subgraphs run inside the router); use distributed there, or move the subscriptions to an event-worker service`,
        );
      }
      const readsFrom = inputs['readsFrom'];
      return {
        name: service.name,
        directory: dirname(service.file),
        readsFrom: Array.isArray(readsFrom) ? readsFrom.map(String) : [],
      };
    });
}

function selectSpecs(
  specs: readonly EnvironmentSpec[],
  only: readonly string[] | undefined,
): EnvironmentSpec[] {
  if (only === undefined || only.length === 0) return [...specs];
  const names = specs.map((spec) => spec.name);
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown environment${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `"${n}"`).join(', ')}; the environments are ${names.join(', ')}`,
    );
  }
  return specs.filter((spec) => only.includes(spec.name));
}
