import {
  EventWorkerServiceStack,
  workerFunctionName,
  type EventWorkerServiceInputs,
} from '@stack/event-worker-v1';
import { ENVIRONMENT_PARAMETERS, publishedValues } from '@stack/stack-env-v1';
import {
  SubgraphServiceStack,
  subgraphFunctionName,
  type SubgraphServiceInputs,
} from '@stack/graphql-subgraph-v1';
import type { Stack, Stage } from 'aws-cdk-lib';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EnvironmentSpec } from './specs/EnvironmentSpec.js';
import type { ServiceSpec } from './specs/ServiceSpec.js';
import { templateId } from './specs/availableTemplates.js';

/** A service instance to build in one environment. */
export interface PlannedService {
  readonly service: ServiceSpec;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The instance's function name (deterministic, known before any stack). */
  readonly functionName: string;
  /** True for a GraphQL subgraph, whose function the router lists and invokes. */
  readonly subgraph: boolean;
}

// Templates whose instances are subgraphs of the router; every other template's function is
// invoked by something else (an event worker by its queue) and must stay off the router's list.
const SUBGRAPH_TEMPLATES: ReadonlySet<string> = new Set(['graphql-subgraph@1']);

/**
 * The service instances of one environment, with their function names, computed before any
 * stack exists: the environment stack gets the names as plain strings (the router's subgraph
 * list and invoke policy), and the service stacks read the environment's values from its SSM
 * parameters at deploy time. So the environment stack never depends on a service stack, and
 * a service stack depends on the environment stack only for deployment order.
 */
export function planServices(
  environment: EnvironmentSpec,
  services: readonly ServiceSpec[],
): PlannedService[] {
  return services.flatMap((service) =>
    service.instances
      .filter((instance) => instance.environment === environment.name)
      .map((instance) => {
        const subgraph = SUBGRAPH_TEMPLATES.has(templateId(service.template));
        return {
          service,
          inputs: instance.inputs,
          functionName: subgraph
            ? subgraphFunctionName(environment.name, service.name)
            : workerFunctionName(environment.name, service.name),
          subgraph,
        };
      }),
  );
}

/** The router's subgraph list: subgraph name → function name (subgraph instances only). */
export function subgraphFunctionsOf(planned: readonly PlannedService[]): Record<string, string> {
  return Object.fromEntries(
    planned.filter((each) => each.subgraph).map((each) => [each.service.name, each.functionName]),
  );
}

/**
 * Adds one stack per planned service instance to an environment's stage (stack id
 * `Service-<name>`, deployed after `environmentStack`). A new service template (or major
 * version) gets a case here next to its folder under service-templates/.
 */
export function addServiceStacks(
  stage: Stage,
  environment: EnvironmentSpec,
  planned: readonly PlannedService[],
  environmentStack: Stack,
): Stack[] {
  const parameters = ENVIRONMENT_PARAMETERS(environment.name);
  const valueParameters = Object.fromEntries(
    publishedValues(environment.inputs).map((name) => [name, parameters[name]]),
  );
  const stacks = planned.map(({ service, inputs }) => {
    const id = templateId(service.template);
    let stack: Stack;
    switch (id) {
      case 'graphql-subgraph@1':
        stack = new SubgraphServiceStack(stage, `Service-${service.name}`, {
          serviceName: service.name,
          stageName: environment.name,
          // The schema validated the inputs and filled in every default.
          inputs: inputs as unknown as SubgraphServiceInputs,
          env: { account: environment.account, region: environment.region },
          environment: {
            tableNameParameter: parameters.tableName,
            tableArnParameter: parameters.tableArn,
            eventBusArnParameter: parameters.eventBusArn,
            alarmTopicArnParameter: parameters.alarmTopicArn,
            routerRoleArnParameter: parameters.routerRoleArn,
            routerSecretParameterName: parameters.routerSharedSecret,
            valueParameters,
            logRetentionDays: environment.inputs.logRetentionDays,
            retainData: environment.inputs.retainData,
            alarms: environment.inputs.alarms,
            ...(environment.inputs.pushPlatforms && {
              pushPlatformApplications: environment.inputs.pushPlatforms,
            }),
          },
        });
        break;
      case 'event-worker@1':
        stack = new EventWorkerServiceStack(stage, `Service-${service.name}`, {
          serviceName: service.name,
          stageName: environment.name,
          // The schema validated the inputs and filled in every default.
          inputs: inputs as unknown as EventWorkerServiceInputs,
          env: { account: environment.account, region: environment.region },
          // Next to the spec it was read from, so a services root other than the repository's
          // (buildApp's servicesRoot) builds its own handlers.
          // Real path: CDK requires entries under the project root, even through a symlink.
          entry: join(realpathSync(dirname(service.file)), 'src', 'handler.ts'),
          environment: {
            tableNameParameter: parameters.tableName,
            tableArnParameter: parameters.tableArn,
            eventBusNameParameter: parameters.eventBusName,
            eventBusArnParameter: parameters.eventBusArn,
            alarmTopicArnParameter: parameters.alarmTopicArn,
            valueParameters,
            logRetentionDays: environment.inputs.logRetentionDays,
            retainData: environment.inputs.retainData,
            alarms: environment.inputs.alarms,
          },
        });
        break;
      default:
        throw new Error(
          `${service.file}: template ${id} has a schema but no CDK code wired in pipelines/src/addServiceStacks.ts; add a case for it there`,
        );
    }
    stack.addStackDependency(
      environmentStack,
      'reads the SSM parameters the environment publishes',
    );
    return stack;
  });
  // A service that sends to another's queue reads that queue's SSM parameters at deploy time.
  for (const [index, { inputs }] of planned.entries()) {
    const sendsTo = (inputs as { sendsTo?: readonly string[] }).sendsTo ?? [];
    for (const target of sendsTo) {
      const targetIndex = planned.findIndex((each) => each.service.name === target);
      if (targetIndex >= 0) {
        stacks[index]!.addStackDependency(
          stacks[targetIndex]!,
          `sends to ${target}'s queue, whose SSM parameters it reads`,
        );
      }
    }
  }
  return stacks;
}
