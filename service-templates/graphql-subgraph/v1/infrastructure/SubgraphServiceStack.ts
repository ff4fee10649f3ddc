import {
  DeadLetterQueue,
  grantServiceAccess,
  resolveServiceVariables,
  StackFunction,
  type ReferableValue,
} from '@stack/stack-env-v1';
import { Duration, Stack, type StackProps, Tags, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { ArnPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type Alias, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queueUrlVariable } from '@stack/kit';
import { subgraphFunctionName } from './subgraphFunctionName.js';
import type { SubgraphServiceInputs } from './SubgraphServiceInputs.js';
import {
  endpointArnsOf,
  pushPlatformEnvironment,
  type PushPlatformApplications,
} from './pushPlatformEnvironment.js';
import { TEMPLATE_ID } from './templateId.js';
import { workerQueueParameters } from './workerQueueParameters.js';

/** The repository root; services live under `services/<name>/`. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * What an instance needs of its environment (stack-env@1). Values the environment creates
 * arrive as the names of the SSM parameters it publishes (ENVIRONMENT_PARAMETERS) and resolve at
 * deploy time, so the service stack neither imports CloudFormation exports from the environment
 * stack nor makes lookups at synth.
 */
export interface SubgraphEnvironment {
  /** SSM parameter holding the table's name. */
  readonly tableNameParameter: string;
  /** SSM parameter holding the table's ARN. */
  readonly tableArnParameter: string;
  /** SSM parameter holding the event bus's ARN. */
  readonly eventBusArnParameter: string;
  /** SSM parameter holding the alarm topic's ARN. */
  readonly alarmTopicArnParameter: string;
  /** SSM parameter holding the router role's ARN (the only principal that may invoke). */
  readonly routerRoleArnParameter: string;
  /** Name of the SSM SecureString parameter with the router's shared secret. */
  readonly routerSecretParameterName: string;
  /**
   * SSM parameters of the values the environment publishes that the instance's variables may
   * refer to as `${environment.<name>}` (e.g. `publicSiteUrl`, only with hosting on).
   */
  readonly valueParameters: Readonly<Partial<Record<ReferableValue, string>>>;
  /** The environment's `logRetentionDays` input. */
  readonly logRetentionDays: number;
  /** The environment's `retainData` input. */
  readonly retainData: boolean;
  /** The environment's `alarms` input. */
  readonly alarms: boolean;
  /** The environment's `pushPlatforms` input (SNS platform application ARNs); absent = none. */
  readonly pushPlatformApplications?: PushPlatformApplications;
}

/** Inputs of one service instance's stack. */
export interface SubgraphServiceStackProps extends StackProps {
  /** The service's name (its folder under services/): key prefix and event source. */
  readonly serviceName: string;
  /** The environment's stage name. */
  readonly stageName: string;
  /** The instance's inputs, validated against schema/schema.yaml with defaults applied. */
  readonly inputs: SubgraphServiceInputs;
  /** The environment the instance runs in. */
  readonly environment: SubgraphEnvironment;
  /** Account and region, always explicit: synth makes no lookups. */
  readonly env: { readonly account: string; readonly region: string };
  /** The handler file; default `services/<name>/src/handler.ts`. */
  readonly entry?: string;
}

const SERVICE_NAME = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * One instance of graphql-subgraph@1 in one environment: the subgraph's Lambda (invoked by the
 * router only), its log group, alarms, and a role that may touch only the table items whose
 * partition key starts with `<service>#` and put events only with source `stack.<service>`.
 */
export class SubgraphServiceStack extends Stack {
  /** The function, its role and log group. */
  readonly function: StackFunction;
  /** `stack-<stage>-<service>`. */
  readonly functionName: string;
  /** The `live` alias, when provisionedConcurrency > 0. */
  readonly alias?: Alias;
  /** Error and throttle alarms, when both the service's and the environment's are on. */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: SubgraphServiceStackProps) {
    const { serviceName, stageName, inputs, environment, entry, ...stackProps } = props;
    if (!SERVICE_NAME.test(serviceName)) {
      throw new Error(
        `${TEMPLATE_ID}: service name "${serviceName}" must be 2-40 lower-case letters, digits or dashes, starting with a letter`,
      );
    }
    super(scope, id, {
      description: `The Stack: service ${serviceName} in ${stageName} (${TEMPLATE_ID}, owner ${inputs.owner})`,
      ...stackProps,
    });
    this.functionName = subgraphFunctionName(stageName, serviceName);
    const parameter = (name: string) => StringParameter.valueForStringParameter(this, name);
    const tableArn = parameter(environment.tableArnParameter);

    this.function = new StackFunction(this, 'Subgraph', {
      entry: entry ?? join(REPOSITORY_ROOT, 'services', serviceName, 'src', 'handler.ts'),
      description: `${this.functionName}: GraphQL subgraph ${serviceName} (${inputs.owner})`,
      memorySize: inputs.memorySize,
      timeout: Duration.seconds(inputs.timeout),
      environment: {
        ...resolveServiceVariables(
          inputs.environment,
          environment.valueParameters,
          parameter,
          `${TEMPLATE_ID}: service ${serviceName} in ${stageName}`,
        ),
        TABLE_NAME: parameter(environment.tableNameParameter),
        ROUTER_SHARED_SECRET_PARAMETER: environment.routerSecretParameterName,
        ...(inputs.push === true && pushPlatformEnvironment(environment.pushPlatformApplications)),
        ...Object.fromEntries(
          (inputs.sendsTo ?? []).map((worker) => [
            queueUrlVariable(worker),
            parameter(workerQueueParameters(stageName, worker).queueUrl),
          ]),
        ),
      },
      logRetentionDays: environment.logRetentionDays,
      retainData: environment.retainData,
    });
    const fn = this.function.function;
    // StackFunction has no name or concurrency props; set them on the CloudFormation resource.
    const cfn = fn.node.defaultChild as CfnFunction;
    cfn.functionName = this.functionName;
    if (inputs.reservedConcurrency !== undefined) {
      cfn.reservedConcurrentExecutions = inputs.reservedConcurrency;
    }
    Validations.of(fn).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by the router: a failure is returned to it. Event subscriptions get a dead-letter queue on their rule target instead.',
    });

    grantServiceAccess(this.function.role, {
      service: serviceName,
      tableArn,
      readsFrom: inputs.readsFrom,
      eventBusArn: parameter(environment.eventBusArnParameter),
    });
    this.function.role.addToPolicy(
      new PolicyStatement({
        sid: 'ReadRouterSecret',
        actions: ['ssm:GetParameter'],
        resources: [
          this.formatArn({
            service: 'ssm',
            resource: 'parameter',
            resourceName: environment.routerSecretParameterName.replace(/^\//, ''),
          }),
        ],
      }),
    );

    if ((inputs.sendsTo ?? []).length > 0) {
      // SendMessage on the named workers' queues only; their ARNs come from the parameters the
      // workers publish, so the worker's stack must be deployed first.
      this.function.role.addToPolicy(
        new PolicyStatement({
          sid: 'SendToWorkerQueues',
          actions: ['sqs:SendMessage'],
          resources: (inputs.sendsTo ?? []).map((worker) =>
            parameter(workerQueueParameters(stageName, worker).queueArn),
          ),
        }),
      );
    }

    const pushApplications = Object.values(environment.pushPlatformApplications ?? {}).filter(
      (arn): arn is string => Boolean(arn),
    );
    if (inputs.push === true && pushApplications.length > 0) {
      // Endpoints of the environment's platform applications only: create one for a device
      // token, delete it when the device is unregistered.
      this.function.role.addToPolicy(
        new PolicyStatement({
          sid: 'CreatePushEndpoints',
          actions: ['sns:CreatePlatformEndpoint'],
          resources: pushApplications,
        }),
      );
      this.function.role.addToPolicy(
        new PolicyStatement({
          sid: 'DeletePushEndpoints',
          actions: ['sns:DeleteEndpoint'],
          resources: pushApplications.map(endpointArnsOf),
        }),
      );
    }

    // Only the router's role may invoke; the router's own policy allows the same on its side.
    const router = new ArnPrincipal(parameter(environment.routerRoleArnParameter));
    fn.addPermission('RouterInvoke', { principal: router, action: 'lambda:InvokeFunction' });
    if (inputs.provisionedConcurrency > 0) {
      this.alias = fn.addAlias('live', {
        provisionedConcurrentExecutions: inputs.provisionedConcurrency,
      });
      this.alias.addPermission('RouterInvoke', {
        principal: router,
        action: 'lambda:InvokeFunction',
      });
    }

    this.subscribe(serviceName, inputs, parameter(environment.eventBusArnParameter));
    this.alarms =
      environment.alarms && inputs.alarms
        ? this.addAlarms(stageName, serviceName, parameter(environment.alarmTopicArnParameter))
        : [];

    const tags = Tags.of(this);
    tags.add('stack:stage', stageName);
    tags.add('stack:service', serviceName);
    tags.add('stack:template', TEMPLATE_ID);
    tags.add('stack:owner', inputs.owner);
  }

  private subscribe(serviceName: string, inputs: SubgraphServiceInputs, busArn: string): void {
    if (inputs.subscriptions.length === 0) return;
    const bus = EventBus.fromEventBusArn(this, 'Bus', busArn);
    const deadLetterQueue = new DeadLetterQueue(this, 'SubscriptionsDlq', {
      deadLetterOf: `the ${serviceName} subscriptions`,
    });
    inputs.subscriptions.forEach((subscription, index) => {
      new Rule(this, `Subscription${index}`, {
        eventBus: bus,
        description: `${serviceName}: ${subscription.source.join(', ')} ${subscription.detailType?.join(', ') ?? '(all)'}`,
        eventPattern: {
          source: [...subscription.source],
          ...(subscription.detailType && { detailType: [...subscription.detailType] }),
        },
        targets: [
          new LambdaFunction(this.function.function, {
            deadLetterQueue,
            retryAttempts: 8,
            maxEventAge: Duration.hours(6),
          }),
        ],
      });
    });
  }

  private addAlarms(stageName: string, serviceName: string, topicArn: string): Alarm[] {
    const topic = Topic.fromTopicArn(this, 'AlarmTopic', topicArn);
    const fn = this.function.function;
    const period = Duration.minutes(5);
    const alarms = [
      new Alarm(this, 'Errors', {
        alarmName: `stack-${stageName}-${serviceName}-errors`,
        alarmDescription: `The ${serviceName} subgraph failed in a 5-minute period: the router answered with partial data.`,
        metric: fn.metricErrors({ period, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'Throttles', {
        alarmName: `stack-${stageName}-${serviceName}-throttles`,
        alarmDescription: `The ${serviceName} subgraph was throttled: raise reservedConcurrency or the account's concurrency limit.`,
        metric: fn.metricThrottles({ period, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const alarm of alarms) {
      alarm.addAlarmAction(new SnsAction(topic));
      alarm.addOkAction(new SnsAction(topic));
    }
    return alarms;
  }
}
