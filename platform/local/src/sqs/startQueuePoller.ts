import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { toLambdaSqsRecord } from './toLambdaSqsRecord.js';

/** A Lambda handler of an SQS event source mapping. */
export type QueueHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/** How the local event source mapping runs; the defaults follow Lambda's. */
export interface QueuePollerOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly handler: QueueHandler;
  /** Messages per invocation (Lambda: 10 by default). */
  readonly batchSize?: number;
  /** Long-poll wait per ReceiveMessage, seconds; short so stop() is quick. */
  readonly waitSeconds?: number;
  /** Told about every invocation, for the terminal log. */
  readonly onInvocation?: (outcome: QueueInvocation) => void;
}

/** What one invocation did. */
export interface QueueInvocation {
  readonly received: number;
  /** Message ids left on the queue for redelivery (reported or thrown). */
  readonly failed: readonly string[];
  readonly error?: unknown;
}

/** A running poller. */
export interface QueuePoller {
  stop(): Promise<void>;
}

/**
 * The SQS event source mapping of the local cloud, with `ReportBatchItemFailures`: receives up to
 * `batchSize` messages, invokes the handler with Lambda's SQS event, deletes the messages that
 * succeeded and leaves the rest for SQS to redeliver after the queue's visibility timeout; the
 * queue's redrive policy moves a message to its DLQ after `maxReceiveCount` receives, as in AWS.
 * A handler that throws fails the whole batch.
 */
export async function startQueuePoller(options: QueuePollerOptions): Promise<QueuePoller> {
  const { sqs, queueUrl, handler } = options;
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = attributes.Attributes?.QueueArn ?? queueUrl;
  const region = queueArn.split(':')[3] ?? 'eu-west-1';
  let stopped = false;

  const pollOnce = async () => {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: options.batchSize ?? 10,
        WaitTimeSeconds: options.waitSeconds ?? 1,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) return;
    const records = messages.map((message) => toLambdaSqsRecord(message, { queueArn, region }));
    let failed: string[];
    let error: unknown;
    try {
      const response = await handler({ Records: records });
      failed = (response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier);
    } catch (thrown) {
      error = thrown;
      failed = records.map((record) => record.messageId);
    }
    const done = records.filter((record) => !failed.includes(record.messageId));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: done.map((record, index) => ({
            Id: String(index),
            ReceiptHandle: record.receiptHandle,
          })),
        }),
      );
    }
    options.onInvocation?.({
      received: records.length,
      failed,
      ...(error !== undefined && { error }),
    });
  };

  const running = (async () => {
    while (!stopped) {
      try {
        await pollOnce();
      } catch (error) {
        if (stopped) break;
        process.emitWarning(`queue poller ${queueUrl}: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      await running;
    },
  };
}
