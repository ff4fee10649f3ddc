import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './DeadLetterQueue.js';

// Receives before a message moves to its DLQ: enough to ride out a throttled downstream, few
// enough that a poisoned message stops costing invocations within minutes.
const MAX_RECEIVE_COUNT = 5;
// AWS recommends a visibility timeout of at least six times the consuming function's timeout
// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html), so workers reading
// these queues may run for up to 30 seconds.
const VISIBILITY_TIMEOUT = Duration.minutes(3);

/**
 * The environment's shared queues, each with its DLQ: `notifications` (mail and push workers)
 * and `work` (any other asynchronous job). Service instances get their URLs and ARNs from the
 * environment's SSM parameters.
 */
export class Queues extends Construct {
  /** Messages for the mail and push workers. */
  readonly notifications: Queue;
  /** Notifications that failed MAX_RECEIVE_COUNT times. */
  readonly notificationsDeadLetterQueue: DeadLetterQueue;
  /** General asynchronous work. */
  readonly work: Queue;
  /** Work that failed MAX_RECEIVE_COUNT times. */
  readonly workDeadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.notificationsDeadLetterQueue = new DeadLetterQueue(this, 'NotificationsDeadLetterQueue', {
      deadLetterOf: 'the notifications queue',
    });
    this.notifications = this.queue('Notifications', this.notificationsDeadLetterQueue);
    this.workDeadLetterQueue = new DeadLetterQueue(this, 'WorkDeadLetterQueue', {
      deadLetterOf: 'the work queue',
    });
    this.work = this.queue('Work', this.workDeadLetterQueue);
  }

  private queue(id: string, deadLetterQueue: DeadLetterQueue): Queue {
    return new Queue(this, id, {
      // SQS-managed keys are free; a KMS key would add $1/month and per-request charges.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: VISIBILITY_TIMEOUT,
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }
}
