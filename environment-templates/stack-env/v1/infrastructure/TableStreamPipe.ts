import { Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './DeadLetterQueue.js';
import { TABLE_CHANGE_EVENT } from './tableChangeEvents.js';

/** Inputs of the table-to-bus pipe. */
export interface TableStreamPipeProps {
  /** The table whose stream is read (must have a stream). */
  readonly table: Table;
  /** The bus the changes are put on. */
  readonly bus: EventBus;
}

// Records per PutEvents call: 10 is the most PutEvents accepts per request.
const BATCH_SIZE = 10;
// Attempts before a record goes to the DLQ; each failed batch is split in halves first
// (AUTOMATIC_BISECT), so one poisoned record does not hold back its neighbours.
const MAXIMUM_RETRY_ATTEMPTS = 3;

/**
 * An EventBridge Pipe from the table's stream to the bus, with no enrichment (no Lambda to pay
 * for or wait on): every stream record becomes one event with `source` `stack.table`,
 * `detail-type` `TableItemChanged` and the record as `detail`; rules select by service, entity
 * and change with `tableChangePattern`. Records that still fail after the retries land in a DLQ.
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

  constructor(scope: Construct, id: string, props: TableStreamPipeProps) {
    super(scope, id);
    const { table, bus } = props;
    const streamArn = table.tableStreamArn;
    if (!streamArn) throw new Error('TableStreamPipe: the table has no stream');

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
      deadLetterOf: 'the table-to-bus pipe',
    });
    const role = new Role(this, 'Role', {
      description: 'Reads the table stream and puts the changes on the event bus',
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    table.grantStreamRead(role);
    bus.grantPutEventsTo(role);
    this.deadLetterQueue.grantSendMessages(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams has no resource-level permissions (granted by Table.grantStreamRead); the stream actions themselves are scoped to this stream.',
    });

    this.pipe = new CfnPipe(this, 'Pipe', {
      description: 'Table stream to event bus: one TableItemChanged event per record',
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
      target: bus.eventBusArn,
      targetParameters: {
        eventBridgeEventBusParameters: {
          source: TABLE_CHANGE_EVENT.source,
          detailType: TABLE_CHANGE_EVENT.detailType,
          resources: [table.tableArn],
        },
      },
    });
    // The pipe validates its role's permissions on creation: create the policy first.
    this.pipe.node.addDependency(role);
  }
}
