import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { WorkerQueues } from './WorkerQueues.js';

/** A worker's DLQ with SQS's approximate counts. */
export interface DeadLetterQueueDepth extends WorkerQueues {
  /** Messages waiting in the DLQ (ApproximateNumberOfMessages). */
  readonly messages: number;
  /** Messages someone is looking at right now (ApproximateNumberOfMessagesNotVisible). */
  readonly inFlight: number;
}

/** Each worker's DLQ with its approximate message counts. */
export async function listDeadLetterQueues(
  sqs: SQSClient,
  workers: readonly WorkerQueues[],
): Promise<DeadLetterQueueDepth[]> {
  return Promise.all(
    workers.map(async (worker) => {
      const output = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: worker.deadLetterQueueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return {
        ...worker,
        messages: Number(output.Attributes?.ApproximateNumberOfMessages ?? 0),
        inFlight: Number(output.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0),
      };
    }),
  );
}

/** The list as a table, one line per worker. */
export function formatDeadLetterQueues(
  depths: readonly DeadLetterQueueDepth[],
  source: string,
): string {
  if (depths.length === 0) return `No event-worker queues found in ${source}.\n`;
  const width = Math.max(6, ...depths.map((each) => each.name.length));
  const lines = depths.map(
    (each) =>
      `${each.name.padEnd(width)}  ${String(each.messages).padStart(8)}  ${String(each.inFlight).padStart(9)}  ${each.deadLetterQueueUrl}`,
  );
  return `${['worker'.padEnd(width) + '  messages  in flight  dead-letter queue', ...lines].join('\n')}\n(from ${source}; counts are SQS's approximations)\n`;
}
