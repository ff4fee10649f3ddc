import type { SQSClient } from '@aws-sdk/client-sqs';
import { startQueuePoller, type QueueHandler, type QueuePoller } from '../sqs/startQueuePoller.js';
import type { LocalStageModel } from './LocalStageModel.js';
import type { LocalFunction } from './localFunctions.js';
import type { ProvisionedQueue } from './provisionQueues.js';
import type { LambdaHandler } from './loadHandler.js';

/** A queue → function mapping that runs, named after the function's service. */
export interface RunningMapping {
  readonly name: string;
  readonly function: LocalFunction;
  readonly queue: ProvisionedQueue;
  readonly deadLetterQueue?: ProvisionedQueue;
}

/** The running event source mappings. */
export interface EventSourceMappings {
  readonly mappings: readonly RunningMapping[];
  stop(): Promise<void>;
}

/** How to run the stage's event source mappings. */
export interface EventSourceMappingsOptions {
  readonly model: LocalStageModel;
  readonly sqs: SQSClient;
  readonly queues: readonly ProvisionedQueue[];
  readonly functions: readonly LocalFunction[];
  /** The handler of a function (loaded once, from source or bundle). */
  readonly handlerOf: (fn: LocalFunction) => Promise<LambdaHandler>;
  readonly onInvocation?: (mapping: RunningMapping, failed: number, error?: unknown) => void;
}

/**
 * Runs every `AWS::Lambda::EventSourceMapping` of the stage whose source is an SQS queue: a
 * poller invoking the function with Lambda's SQS batches of the template's BatchSize, partial
 * failures reported, so failed messages return and go to the queue's DLQ after maxReceiveCount.
 */
export async function startEventSourceMappings(
  options: EventSourceMappingsOptions,
): Promise<EventSourceMappings> {
  const pollers: QueuePoller[] = [];
  const mappings: RunningMapping[] = [];
  try {
    for (const resource of options.model.resourcesOfType('AWS::Lambda::EventSourceMapping')) {
      const properties = options.model.resolve(
        resource,
        resource.resource.Properties ?? {},
        '.Properties',
      ) as {
        EventSourceArn?: string;
        FunctionName?: string;
        BatchSize?: number;
        Enabled?: boolean;
      };
      if (properties.Enabled === false) continue;
      const queue = options.queues.find((each) => each.arn === properties.EventSourceArn);
      if (!queue) continue; // Stream sources are the Pipe's; nothing else is mapped locally.
      const fn = options.functions.find(
        (each) => each.name === properties.FunctionName || each.arn === properties.FunctionName,
      );
      if (!fn)
        throw new Error(
          `${resource.stack.stackName}.${resource.logicalId}: no function ${properties.FunctionName} in the stage`,
        );
      const deadLetterQueue = options.queues.find(
        (each) => each.arn === queue.redrive?.deadLetterTargetArn,
      );
      const mapping: RunningMapping = {
        name: fn.service ?? fn.name,
        function: fn,
        queue,
        ...(deadLetterQueue && { deadLetterQueue }),
      };
      await options.handlerOf(fn); // a broken handler fails the start, not the first batch
      // Looked up per batch: after a reload the next batch runs the new handler.
      const handler: QueueHandler = async (event) =>
        (await (
          await options.handlerOf(fn)
        )(event)) as Awaited<ReturnType<QueueHandler>>;
      pollers.push(
        await startQueuePoller({
          sqs: options.sqs,
          queueUrl: queue.url,
          handler,
          ...(properties.BatchSize !== undefined && { batchSize: properties.BatchSize }),
          onInvocation: (outcome) =>
            options.onInvocation?.(mapping, outcome.failed.length, outcome.error),
        }),
      );
      mappings.push(mapping);
    }
  } catch (error) {
    await Promise.all(pollers.map((poller) => poller.stop()));
    throw error;
  }
  return {
    mappings,
    async stop() {
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
}
