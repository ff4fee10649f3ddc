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
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { type CfnFunction, EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventWorkerServiceInputs } from './EventWorkerServiceInputs.js';
import { queueAgeThreshold } from './queueAgeThreshold.js';
import { queueVisibilityTimeout } from './queueVisibilityTimeout.js';
import { TEMPLATE_ID } from './templateId.js';
import { workerFunctionName } from './workerFunctionName.js';
import { workerParameters } from './workerParameters.js';

/** The repository root; services live under `services/<name>/`. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * What an instance needs of its environment (stack-env@1). Values the environment creates
 * arrive as the names of the SSM parameters it publishes (ENVIRONMENT_PARAMETERS) and resolve at
 * deploy time, so the service stack neither imports CloudFormation exports from the environment
 * stack nor makes lookups at synth.
 */
export interface WorkerEnvironment {
  /** SSM parameter holding the table's name. */
  readonly tableNameParameter: string;
  /** SSM parameter holding the table's ARN. */
  readonly tableArnParameter: string;
  /** SSM parameter holding the event bus's name. */
  readonly eventBusNameParameter: string;
  /** SSM parameter holding the event bus's ARN. */
  readonly eventBusArnParameter: string;
  /** SSM parameter holding the alarm topic's ARN. */
  readonly alarmTopicArnParameter: string;
  /**
   * SSM parameters of the values the environment publishes that the instance's variables may
   * refer to as `${environment.<name>}` (e.g. `publicSiteUrl`, only with hosting on).
   */
  readonly valueParameters: Readonly<Partial<Record<ReferableValue, string>>>;
  /** The environment's `logRetentionDays` input. */
  readonly logRetentionDays: number;
  /** The environment's `retainData` input. */
  readonly retainData: boolean;
  /** The environment's `alarms` input: when false, no instance alarms either. */
  readonly alarms: boolean;
}

/** Inputs of one worker instance's stack. */
export interface EventWorkerServiceStackProps extends StackProps {
  /** The service's name (its folder under services/): key prefix and event source. */
  readonly serviceName: string;
  /** The environment's stage name. */
  readonly stageName: string;
  /** The instance's inputs, validated against schema/schema.yaml with defaults applied. */
  readonly inputs: EventWorkerServiceInputs;
  /** The environment the instance runs in. */
  readonly environment: WorkerEnvironment;
  /** Account and region, always explicit: synth makes no lookups. */
  readonly env: { readonly account: string; readonly region: string };
  /** The handler file; default `services/<name>/src/handler.ts`. */
  readonly entry?: string;
}

const SERVICE_NAME = /^[a-z][a-z0-9-]{1,39}$/;

// EventBridge's own maximum retry window for a rule target. A queue refuses an event only for a
// moment (throttling) or for good (policy, key), and EventBridge sends the latter to the
// dead-letter queue without retrying, so the longest window loses nothing.
const EVENT_RETRY_ATTEMPTS = 185;
const EVENT_MAX_AGE = Duration.hours(24);

/**
 * One instance of event-worker@1 in one environment: the worker's Lambda, fed by its own
 * encrypted SQS queue through an event source mapping that reports partial batch failures;
 * a dead-letter queue that takes a message after `maxReceiveCount` deliveries; one EventBridge
 * rule per `events` pattern sending matching events to the queue; the queue's URL and ARN as
 * SSM parameters for services that send to it directly; and a role that may touch only table
 * items whose partition key starts with `<service>#`, put events only with source
 * `stack.<service>`, and consume only its own queue.
 */
export class EventWorkerServiceStack extends Stack {
  /** The function, its role and log group. */
  readonly function: StackFunction;
  /** `stack-<stage>-<service>`. */
  readonly functionName: string;
  /** The queue the function consumes. */
  readonly queue: Queue;
  /** Messages that failed `maxReceiveCount` times, and events the rules could not deliver. */
  readonly deadLetterQueue: DeadLetterQueue;
  /** One rule per `events` pattern. */
  readonly rules: readonly Rule[];
  /**
   * Alarms of the instance when the environment's alarms are on: always one on the DLQ's depth
   * and one on the queue's oldest message (every queue watched; $0.10/month each at list
   * price, docs/cost.md), plus function errors with `alarms: true`.
   */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: EventWorkerServiceStackProps) {
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
    this.functionName = workerFunctionName(stageName, serviceName);
    const parameter = (name: string) => StringParameter.valueForStringParameter(this, name);

    // One DLQ for both ways a message can fail: the queue's redrive and the rules' delivery.
    // Both hold the same body (the event envelope or the sent message), so one alarm covers
    // them and a DLQ redrive to this queue moves either kind back to the handler.
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
      deadLetterOf: `the ${serviceName} worker queue and its event rules`,
    });
    this.queue = new Queue(this, 'Queue', {
      // SQS-managed keys are free, and EventBridge can send to them (not to AWS-managed KMS keys).
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: queueVisibilityTimeout(
        inputs.timeout,
        inputs.queue.maxBatchingWindowSeconds,
      ),
      // The default 4 days: a message's age counts from its first enqueue, also in the DLQ, so
      // the DLQ's 14 days leave at least 10 to inspect and redrive it.
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: inputs.queue.maxReceiveCount,
      },
    });

    this.function = new StackFunction(this, 'Worker', {
      entry: entry ?? join(REPOSITORY_ROOT, 'services', serviceName, 'src', 'handler.ts'),
      description: `${this.functionName}: event worker ${serviceName} (${inputs.owner})`,
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
        EVENT_BUS_NAME: parameter(environment.eventBusNameParameter),
        POWERTOOLS_SERVICE_NAME: serviceName,
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
        'Invoked only by its SQS event source mapping, never asynchronously: a message that keeps failing moves to the dead-letter queue of the queue after maxReceiveCount deliveries.',
    });

    // Grants the role ReceiveMessage, DeleteMessage, ChangeMessageVisibility and
    // GetQueueAttributes on this queue only.
    fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: inputs.queue.batchSize,
        maxBatchingWindow: Duration.seconds(inputs.queue.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
        ...(inputs.queue.maxConcurrency !== undefined && {
          maxConcurrency: inputs.queue.maxConcurrency,
        }),
      }),
    );
    for (const mapping of fn.node.findAll().filter((c) => c instanceof EventSourceMapping)) {
      Validations.of(mapping).acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          'Lambda supports on-failure destinations only for stream and Kafka sources; for SQS the redrive policy of the queue is the destination: failed messages move to its dead-letter queue.',
      });
    }

    grantServiceAccess(this.function.role, {
      service: serviceName,
      tableArn: parameter(environment.tableArnParameter),
      readsFrom: inputs.readsFrom,
      eventBusArn: parameter(environment.eventBusArnParameter),
    });

    this.rules = this.routeEvents(serviceName, inputs, parameter(environment.eventBusArnParameter));
    this.publishQueue(stageName, serviceName);
    this.alarms = environment.alarms
      ? this.addAlarms(
          stageName,
          serviceName,
          inputs,
          parameter(environment.alarmTopicArnParameter),
        )
      : [];

    const tags = Tags.of(this);
    tags.add('stack:stage', stageName);
    tags.add('stack:service', serviceName);
    tags.add('stack:template', TEMPLATE_ID);
    tags.add('stack:owner', inputs.owner);
  }

  /** One rule per pattern on the environment's bus, each sending its events to the queue. */
  private routeEvents(
    serviceName: string,
    inputs: EventWorkerServiceInputs,
    busArn: string,
  ): Rule[] {
    if (inputs.events.length === 0) return [];
    const bus = EventBus.fromEventBusArn(this, 'Bus', busArn);
    return inputs.events.map(
      (pattern, index) =>
        new Rule(this, `Events${index}`, {
          eventBus: bus,
          description: `${serviceName}: ${pattern.source.join(', ')} ${pattern.detailType?.join(', ') ?? '(all)'}`,
          eventPattern: {
            source: [...pattern.source],
            ...(pattern.detailType && { detailType: [...pattern.detailType] }),
          },
          // Adds a queue policy letting events.amazonaws.com send, only from this rule.
          targets: [
            new SqsQueue(this.queue, {
              deadLetterQueue: this.deadLetterQueue,
              retryAttempts: EVENT_RETRY_ATTEMPTS,
              maxEventAge: EVENT_MAX_AGE,
            }),
          ],
        }),
    );
  }

  /** The queue's URL and ARN under the environment's parameter namespace. */
  private publishQueue(stageName: string, serviceName: string): void {
    const names = workerParameters(stageName, serviceName);
    new StringParameter(this, 'QueueUrlParameter', {
      parameterName: names.queueUrl,
      description: `URL of the ${serviceName} worker queue in ${stageName} (${TEMPLATE_ID})`,
      stringValue: this.queue.queueUrl,
    });
    new StringParameter(this, 'QueueArnParameter', {
      parameterName: names.queueArn,
      description: `ARN of the ${serviceName} worker queue in ${stageName} (${TEMPLATE_ID})`,
      stringValue: this.queue.queueArn,
    });
  }

  private addAlarms(
    stageName: string,
    serviceName: string,
    inputs: EventWorkerServiceInputs,
    topicArn: string,
  ): Alarm[] {
    const topic = Topic.fromTopicArn(this, 'AlarmTopic', topicArn);
    const period = Duration.minutes(5);
    const maxAge = queueAgeThreshold(
      queueVisibilityTimeout(inputs.timeout, inputs.queue.maxBatchingWindowSeconds),
      inputs.queue.maxReceiveCount,
    );
    const alarms = [
      // Always on, whatever `alarms` says: a message in the DLQ is work that failed for good,
      // and a stale queue is work nobody does; both are silent otherwise.
      new Alarm(this, 'DeadLetterQueueDepth', {
        alarmName: `stack-${stageName}-${serviceName}-dlq-depth`,
        alarmDescription: `The ${serviceName} worker's dead-letter queue holds messages that failed for good; inspect them, fix the cause, then redrive them.`,
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period,
          statistic: 'Maximum',
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'QueueAge', {
        alarmName: `stack-${stageName}-${serviceName}-queue-age`,
        alarmDescription: `The oldest message of the ${serviceName} worker's queue waited over ${maxAge.toMinutes()} minutes: longer than retries to the DLQ take, so nothing is consuming it (event source mapping disabled, function throttled). Messages expire after 4 days.`,
        metric: this.queue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' }),
        threshold: maxAge.toSeconds(),
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // SQS stops sending metrics of a queue idle for hours: no data is a quiet queue.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    if (inputs.alarms) {
      alarms.push(
        new Alarm(this, 'Errors', {
          alarmName: `stack-${stageName}-${serviceName}-errors`,
          alarmDescription: `The ${serviceName} worker failed whole batches (or crashed, or timed out) in a 5-minute period; its messages are being retried.`,
          metric: this.function.function.metricErrors({ period, statistic: 'Sum' }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    for (const alarm of alarms) {
      alarm.addAlarmAction(new SnsAction(topic));
      alarm.addOkAction(new SnsAction(topic));
    }
    return alarms;
  }
}
