import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './DeadLetterQueue.js';
import { FUNCTION_ENTRIES } from './repositoryPaths.js';
import { StackFunction } from './StackFunction.js';

/** Inputs of the table-to-bus pipe. */
export interface TableStreamPipeProps {
  /** The table whose stream is read (must have a stream). */
  readonly table: Table;
  /** The bus the changes are put on. */
  readonly bus: EventBus;
  /** The environment's stage; names the publisher function. */
  readonly stageName: string;
  /** Days to keep the publisher's logs. */
  readonly logRetentionDays: number;
  /** RETAIN the publisher's log group when true. */
  readonly retainData: boolean;
}

// Records per PutEvents call: 10 is the most PutEvents accepts per request.
const BATCH_SIZE = 10;
// Attempts before a record goes to the DLQ; each failed batch is split in halves first
// (AUTOMATIC_BISECT), so one poisoned record does not hold back its neighbours.
const MAXIMUM_RETRY_ATTEMPTS = 3;

/**
 * An EventBridge Pipe from the table's stream to the publisher function, which puts one event
 * per changed item on the bus: `source: stack.<service>`, `detail-type: <Entity><Change>`
 * (`ReviewCreated`), `detail` the keys and plain-JSON images (`TableChangeDetail` in
 * `@stack/kit`). A Pipe alone cannot build those names from the key and the stream's
 * `eventName` (docs/environment-template.md); the function costs nothing while nothing changes.
 * Batches that still fail after the retries land in a DLQ.
 *
 * One pipe for the whole table on purpose: DynamoDB Streams serves at most two concurrent readers
 * per shard before throttling, so a pipe per service cannot scale
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html).
 */
export class TableStreamPipe extends Construct {
  /** Stream records that could not be put on the bus. */
  readonly deadLetterQueue: DeadLetterQueue;
  /** The pipe. */
  readonly pipe: CfnPipe;
  /** The Pipe's target: turns stream records into events on the bus. */
  readonly publisher: StackFunction;

  constructor(scope: Construct, id: string, props: TableStreamPipeProps) {
    super(scope, id);
    const { table, bus } = props;
    const streamArn = table.tableStreamArn;
    if (!streamArn) throw new Error('TableStreamPipe: the table has no stream');

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
      deadLetterOf: 'the table-to-bus pipe',
    });
    this.publisher = new StackFunction(this, 'Publisher', {
      entry: FUNCTION_ENTRIES.tableChangePublisher,
      description: `stack-${props.stageName}: puts table changes on the bus as <Entity><Change> events`,
      // Parsing and forwarding JSON; the smallest size that keeps the cold start short.
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { EVENT_BUS_NAME: bus.eventBusName },
      logRetentionDays: props.logRetentionDays,
      retainData: props.retainData,
    });
    bus.grantPutEventsTo(this.publisher.role);
    Validations.of(this.publisher.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by the Pipe: a failed batch is retried by the Pipe and then sent to the Pipe’s own dead-letter queue.',
    });

    const role = new Role(this, 'Role', {
      description: 'Reads the table stream and hands the changes to the publisher function',
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    table.grantStreamRead(role);
    // The function itself, not `grantInvoke`'s `<arn>:*` (every version and alias).
    role.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.publisher.function.functionArn],
      }),
    );
    this.deadLetterQueue.grantSendMessages(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams has no resource-level permissions (granted by Table.grantStreamRead); the stream actions themselves are scoped to this stream.',
    });

    this.pipe = new CfnPipe(this, 'Pipe', {
      description: 'Table stream to the publisher: one <Entity><Change> event per changed item',
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          // LATEST: a new pipe (or a re-created one) starts with new changes instead of
          // replaying the stream's last 24 hours into workers.
          startingPosition: 'LATEST',
          batchSize: BATCH_SIZE,
          maximumBatchingWindowInSeconds: 1,
          maximumRetryAttempts: MAXIMUM_RETRY_ATTEMPTS,
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        },
      },
      target: this.publisher.function.functionArn,
      targetParameters: {
        lambdaFunctionParameters: { invocationType: 'REQUEST_RESPONSE' },
      },
    });
    // The pipe validates its role's permissions on creation: create the policy first.
    this.pipe.node.addDependency(role);
  }
}
