import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { WorkerQueues } from './WorkerQueues.js';

/** What a redrive did. */
export interface RedriveResult {
  /** Sent to the worker's queue and deleted from the DLQ. */
  readonly moved: number;
  /** Not sent (left in the DLQ, visible again after the receive's visibility timeout). */
  readonly failed: number;
}

// Long enough to send and delete one batch; a message whose send failed reappears in the DLQ
// after it instead of being lost.
const RECEIVE_VISIBILITY_SECONDS = 30;

/**
 * Moves every message of a worker's DLQ back to its queue: receive a batch, send each body with
 * its message attributes to the queue, delete from the DLQ only what was sent. SQS's
 * StartMessageMoveTask would do this server-side, but the local emulator lacks it, and one
 * code path for both keeps the local redrive what the cloud one does. The receive count starts
 * again at 1: redriven messages get maxReceiveCount new deliveries. Stops when a receive comes
 * back empty, or after `limit` messages.
 */
export async function redriveDeadLetterQueue(
  sqs: SQSClient,
  worker: WorkerQueues,
  options: { limit?: number } = {},
): Promise<RedriveResult> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let moved = 0;
  let failed = 0;
  while (moved + failed < limit) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: worker.deadLetterQueueUrl,
        MaxNumberOfMessages: Math.min(10, limit - moved - failed),
        MessageAttributeNames: ['All'],
        VisibilityTimeout: RECEIVE_VISIBILITY_SECONDS,
        WaitTimeSeconds: 0,
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) break;
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: worker.queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          MessageBody: message.Body ?? '',
          ...(hasAttributes(message) && { MessageAttributes: message.MessageAttributes }),
        })),
      }),
    );
    const done = (sent.Successful ?? []).map((entry) => messages[Number(entry.Id)]);
    failed += sent.Failed?.length ?? 0;
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: worker.deadLetterQueueUrl,
          Entries: done.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message?.ReceiptHandle,
          })),
        }),
      );
    }
    moved += done.length;
    // Every send failed: the queue refuses, and going on would spin on the same messages.
    if (done.length === 0) break;
  }
  return { moved, failed };
}

function hasAttributes(message: Message): boolean {
  return Object.keys(message.MessageAttributes ?? {}).length > 0;
}
