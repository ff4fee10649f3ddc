import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Inputs of a dead-letter queue. */
export interface DeadLetterQueueProps {
  /** What the queue collects, for the acknowledgements' reasons, e.g. "the work queue". */
  readonly deadLetterOf: string;
}

/**
 * A queue that collects messages or records that failed for good: SSE with SQS-managed keys
 * (free), TLS enforced, and the longest retention SQS allows (14 days) so nobody loses a failure
 * over a long weekend. Every DLQ has a depth alarm (`Monitoring`).
 */
export class DeadLetterQueue extends Queue {
  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const reason = `This queue is the dead-letter queue of ${props.deadLetterOf}; a DLQ of a DLQ would only move the problem. Its depth alarm is the safety net.`;
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-SQS3', reason },
      { id: 'Serverless-SQSRedrivePolicy', reason },
    );
  }
}
