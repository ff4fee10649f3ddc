import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  type ColocatedSubgraphs,
  StackEnvStack,
  type StackEnvInputs,
  type StackEnvStackProps,
} from '../../infrastructure/index.js';

/** The account every test environment deploys to. */
export const TEST_ACCOUNT = '111111111111';

/** The schema's defaults (schema/schema.yaml), as the pipeline applies them. */
export const DEFAULT_INPUTS: StackEnvInputs = {
  tenancy: 'multi',
  waf: false,
  network: 'none',
  dashboard: true,
  alarms: true,
  retainData: true,
  logRetentionDays: 30,
  subgraphTopology: 'distributed',
  hosting: true,
  trustedDocumentsOnly: false,
};

/** How to build a test environment; everything has a default. */
export interface EnvironmentOptions {
  /** Inputs over DEFAULT_INPUTS. */
  readonly inputs?: Partial<StackEnvInputs>;
  /** Default eu-west-1. */
  readonly region?: string;
  /** Default `integration`. */
  readonly stageName?: string;
  /** Passed to the stack as is. */
  readonly subgraphFunctions?: Readonly<Record<string, string>>;
  /** Passed to the stack as is. */
  readonly colocatedSubgraphs?: ColocatedSubgraphs;
  /** Passed to the stack as is. */
  readonly production?: boolean;
  /** Passed to the stack as is; the apps' own exports (or placeholders) by default. */
  readonly webExports?: StackEnvStackProps['webExports'];
  /** App context, e.g. `requireWebExports`. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Really bundle the Lambdas with esbuild (slow); skipped by default. */
  readonly bundle?: boolean;
  /** Run CloudFormation's built-in template validation on synth (about 20 s); off by default. */
  readonly validateTemplates?: boolean;
  /** Where synth writes the cloud assembly; a temporary directory by default. */
  readonly outdir?: string;
}

/** A test environment: its app and stack, not yet synthesized. */
export interface TestEnvironment {
  /** The app holding the stack (and its web ACL stack, if any). */
  readonly app: App;
  /** The environment's stack. */
  readonly stack: StackEnvStack;
}

/** Builds an environment's stack in a fresh app. */
export function buildEnvironment(options: EnvironmentOptions = {}): TestEnvironment {
  const app = new App({
    // An empty list makes CDK skip asset bundling for every stack
    // (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.Stack.html#bundlingrequired).
    context: {
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
    builtinCloudFormationValidation: options.validateTemplates ?? false,
    ...(options.outdir && { outdir: options.outdir }),
  });
  const stack = new StackEnvStack(app, 'Env', {
    stageName: options.stageName ?? 'integration',
    env: { account: TEST_ACCOUNT, region: options.region ?? 'eu-west-1' },
    inputs: { ...DEFAULT_INPUTS, ...options.inputs },
    ...(options.subgraphFunctions && { subgraphFunctions: options.subgraphFunctions }),
    ...(options.colocatedSubgraphs && { colocatedSubgraphs: options.colocatedSubgraphs }),
    ...(options.production !== undefined && { production: options.production }),
    ...(options.webExports && { webExports: options.webExports }),
  });
  return { app, stack };
}

/** A synthesized test environment with the template of its stack. */
export interface SynthesizedEnvironment extends TestEnvironment {
  /** Template of the environment's stack. */
  readonly template: Template;
}

const cache = new Map<string, SynthesizedEnvironment>();

/**
 * Builds and synthesizes an environment; identical options in one test file share the result,
 * since synthesis dominates the suite's run time.
 */
export function synthesizeEnvironment(options: EnvironmentOptions = {}): SynthesizedEnvironment {
  const key = JSON.stringify(options);
  let synthesized = cache.get(key);
  if (!synthesized) {
    const environment = buildEnvironment(options);
    synthesized = { ...environment, template: Template.fromStack(environment.stack) };
    cache.set(key, synthesized);
  }
  return synthesized;
}

/** Every stack of an app. */
export function stacksOf(app: App): Stack[] {
  return app.node.findAll().filter((construct): construct is Stack => Stack.isStack(construct));
}

/** A token resolved to its CloudFormation form (Stack.resolve returns `any`). */
export function resolved(stack: Stack, value: unknown): unknown {
  return stack.resolve(value) as unknown;
}

/** One resource of a template, with its properties as a plain record. */
export interface FoundResource {
  /** Logical id. */
  readonly id: string;
  /** The resource's Properties. */
  readonly properties: Record<string, unknown>;
}

/** The resources of one type in a template. */
export function resourcesOf(template: Template, type: string): FoundResource[] {
  const found = template.findResources(type) as Record<
    string,
    { Properties?: Record<string, unknown> }
  >;
  return Object.entries(found).map(([id, resource]) => ({
    id,
    properties: resource.Properties ?? {},
  }));
}
