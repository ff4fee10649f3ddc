import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { serviceLogger } from '../observability/logger.js';
import { parseQueueMessage, type QueueMessage } from './QueueMessage.js';

/** What a record handler knows about the SQS record besides its message. */
export interface QueueRecordContext {
  /** The SQS message id (what `batchItemFailures` reports). */
  readonly messageId: string;
  /** How often SQS delivered it, this time included; the queue's DLQ takes it after maxReceiveCount. */
  readonly receiveCount: number;
  /** The raw record, for attributes the message does not carry. */
  readonly record: SQSRecord;
}

/**
 * Handles one message. Resolve when done; throw to have SQS deliver it again (after the
 * queue's visibility timeout). Delivery is at least once, so a handler must be idempotent.
 */
export type QueueRecordHandler<TDetail = unknown, TBody = unknown> = (
  message: QueueMessage<TDetail, TBody>,
  context: QueueRecordContext,
) => Promise<void> | void;

/** Options of `createQueueWorker`. */
export interface QueueWorkerOptions {
  /** Service name in the logs; default POWERTOOLS_SERVICE_NAME, which the template sets. */
  readonly serviceName?: string;
}

/** The Lambda handler of an SQS event source mapping with `reportBatchItemFailures`. */
export type QueueWorkerHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/**
 * The Lambda handler of a queue worker: parses each record's JSON body (an EventBridge envelope
 * becomes a typed event), runs `handleRecord` on every record of the batch, and returns the
 * message ids of the records that failed as `batchItemFailures`, so SQS redelivers only those.
 * A failure is logged with its message id and receive count. When every record fails the
 * invocation throws (Powertools' FullBatchFailureError): Lambda counts an error, the error alarm
 * sees it, and the event source mapping backs off instead of spinning on a broken dependency.
 */
export function createQueueWorker<TDetail = unknown, TBody = unknown>(
  handleRecord: QueueRecordHandler<TDetail, TBody>,
  options: QueueWorkerOptions = {},
): QueueWorkerHandler {
  const logger = serviceLogger(
    options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'worker',
  );
  const handleOne = async (record: SQSRecord): Promise<void> => {
    const context: QueueRecordContext = {
      messageId: record.messageId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount),
      record,
    };
    try {
      await handleRecord(parseQueueMessage<TDetail, TBody>(record.body), context);
    } catch (error) {
      logger.error('Message failed; SQS delivers it again until the queue moves it to its DLQ', {
        messageId: context.messageId,
        receiveCount: context.receiveCount,
        error: error as Error,
      });
      throw error;
    }
  };
  return async (event, context) => {
    if (context) logger.addContext(context);
    // A processor per invocation: it keeps the batch's state, and the local cloud may run
    // invocations of one handler concurrently in the same process.
    const processor = new BatchProcessor(EventType.SQS);
    return processPartialResponse(event, handleOne, processor, context ? { context } : {});
  };
}
