import type { Stack, Stage } from 'aws-cdk-lib';
import { type ColocatedSubgraphs, type RouterSettings, StackEnvStack } from '@stack/stack-env-v1';
import type { EnvironmentSpec } from './specs/EnvironmentSpec.js';
import { templateId } from './specs/availableTemplates.js';

/** What the environment's stack gets from the service instances. */
export interface EnvironmentServices {
  /** Subgraph name → function name the router invokes (distributed topology). */
  readonly subgraphFunctions?: Readonly<Record<string, string>>;
  /** The generated router entry bundling the subgraphs (colocated topology). */
  readonly colocated?: ColocatedSubgraphs;
  /** The router instance's settings; the template's defaults when absent. */
  readonly router?: RouterSettings | undefined;
}

/** The id of the environment's stack inside its stage (stack name `<stage>-Environment`). */
export const ENVIRONMENT_STACK_ID = 'Environment';

/**
 * Adds the stack that implements a spec's environment template to its stage, with the router's
 * subgraph list (subgraph name → function name of the service instances), or with
 * `subgraphTopology: colocated` the generated router entry that bundles them. A new template
 * (or major version) gets a case here next to its folder under environment-templates/.
 */
export function addEnvironmentStack(
  stage: Stage,
  spec: EnvironmentSpec,
  services: EnvironmentServices = {},
): Stack {
  const { subgraphFunctions = {}, colocated: colocatedSubgraphs, router } = services;
  const id = templateId(spec.template);
  switch (id) {
    case 'stack-env@1':
      return new StackEnvStack(stage, ENVIRONMENT_STACK_ID, {
        stageName: spec.name,
        inputs: spec.inputs,
        env: { account: spec.account, region: spec.region },
        subgraphFunctions,
        ...(colocatedSubgraphs && { colocatedSubgraphs }),
        ...(router && { router }),
        // Waves run integration (1) before the customer-facing waves (2+); local is wave 0.
        // Only customer-facing environments hide introspection and error details.
        production: spec.wave >= 2,
      });
    default:
      throw new Error(
        `${spec.file}: template ${id} has a schema but no CDK code wired in pipelines/src/addEnvironmentStack.ts; add a case for it there`,
      );
  }
}
