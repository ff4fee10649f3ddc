import { ENVIRONMENT_PARAMETERS } from '@stack/stack-env-v1';
import {
  SubgraphServiceStack,
  subgraphFunctionName,
  type SubgraphServiceInputs,
} from '@stack/graphql-subgraph-v1';
import type { Stack, Stage } from 'aws-cdk-lib';
import type { EnvironmentSpec } from './specs/EnvironmentSpec.js';
import type { ServiceSpec } from './specs/ServiceSpec.js';
import { templateId } from './specs/availableTemplates.js';

/** A service instance to build in one environment. */
export interface PlannedService {
  readonly service: ServiceSpec;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The Lambda function name the router invokes (deterministic, known before any stack). */
  readonly functionName: string;
}

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
      .map((instance) => ({
        service,
        inputs: instance.inputs,
        functionName: subgraphFunctionName(environment.name, service.name),
      })),
  );
}

/** The router's subgraph list: subgraph name → function name. */
export function subgraphFunctionsOf(planned: readonly PlannedService[]): Record<string, string> {
  return Object.fromEntries(planned.map((each) => [each.service.name, each.functionName]));
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
  return planned.map(({ service, inputs }) => {
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
}
