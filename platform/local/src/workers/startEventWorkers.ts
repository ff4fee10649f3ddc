import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  defaultServicesRoot,
  defaultServiceTemplatesRoot,
  defaultSpecsDir,
  defaultTemplatesRoot,
  loadEnvironmentSpecs,
  loadServiceSpecs,
  templateId,
} from '@stack/pipelines';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocalEventBridge } from '../eventbridge/index.js';
import { startQueuePoller, type QueueHandler, type QueuePoller } from '../sqs/startQueuePoller.js';

/** What the local event workers run on. */
export interface EventWorkersOptions {
  readonly sqs: SQSClient;
  readonly eventBridge: LocalEventBridge;
  readonly busName: string;
  /** The environment whose instances run (its spec's name); default `local`. */
  readonly environment?: string;
  /** Where the services are; default the repository's `services/`. */
  readonly servicesRoot?: string;
  /** Told about each worker as it starts, for the progress display. */
  readonly onWorker?: (name: string, queueUrl: string) => void;
}

/** The running workers. */
export interface EventWorkers {
  /** Worker name → its queue and DLQ URLs. */
  readonly queues: ReadonlyMap<
    string,
    { readonly queueUrl: string; readonly deadLetterQueueUrl: string }
  >;
  stop(): Promise<void>;
}

// A local batch must be retried within seconds, not the cloud's 6 × timeout.
const LOCAL_VISIBILITY_TIMEOUT_SECONDS = 5;

/**
 * Runs every event-worker@1 instance of the local environment as the template deploys it: its
 * own queue with a DLQ after the spec's `maxReceiveCount`, one rule per `events` pattern on the
 * bus sending to that queue, and the queue's event source mapping invoking the worker's
 * `src/handler.ts` with Lambda's SQS batches (partial failures reported). Inputs come from the
 * validated specs, defaults applied, so what runs is what the pipeline would deploy.
 */
export async function startEventWorkers(options: EventWorkersOptions): Promise<EventWorkers> {
  const environmentName = options.environment ?? 'local';
  const environments = loadEnvironmentSpecs(defaultSpecsDir, defaultTemplatesRoot);
  const services = loadServiceSpecs(
    options.servicesRoot ?? defaultServicesRoot,
    defaultServiceTemplatesRoot,
    environments,
  );
  const pollers: QueuePoller[] = [];
  const queues = new Map<string, { queueUrl: string; deadLetterQueueUrl: string }>();
  try {
    for (const service of services) {
      if (templateId(service.template) !== 'event-worker@1') continue;
      const instance = service.instances.find((each) => each.environment === environmentName);
      if (!instance) continue;
      const inputs = instance.inputs as unknown as WorkerInputs;
      const name = `stack-${environmentName}-${service.name}`;
      const dlq = await options.sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
      const dlqArn = await queueArn(options.sqs, dlq.QueueUrl);
      const queue = await options.sqs.send(
        new CreateQueueCommand({
          QueueName: name,
          Attributes: {
            VisibilityTimeout: String(LOCAL_VISIBILITY_TIMEOUT_SECONDS),
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: dlqArn,
              maxReceiveCount: inputs.queue.maxReceiveCount,
            }),
          },
        }),
      );
      const queueUrl = queue.QueueUrl ?? '';
      inputs.events.forEach((pattern, index) => {
        options.eventBridge.addRule({
          name: `${name}-events-${index}`,
          busName: options.busName,
          pattern: {
            source: [...pattern.source],
            ...(pattern.detailType && { 'detail-type': [...pattern.detailType] }),
          },
          targets: [{ kind: 'sqs', id: 'queue', queueUrl }],
        });
      });
      const handler = await loadWorkerHandler(join(dirname(service.file), 'src', 'handler.ts'));
      pollers.push(
        await startQueuePoller({
          sqs: options.sqs,
          queueUrl,
          handler,
          batchSize: inputs.queue.batchSize,
        }),
      );
      queues.set(service.name, { queueUrl, deadLetterQueueUrl: dlq.QueueUrl ?? '' });
      options.onWorker?.(service.name, queueUrl);
    }
  } catch (error) {
    await Promise.all(pollers.map((poller) => poller.stop()));
    throw error;
  }
  return {
    queues,
    async stop() {
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
}

/** The inputs of event-worker@1 the local cloud uses (schema/schema.yaml). */
interface WorkerInputs {
  readonly events: readonly {
    readonly source: readonly string[];
    readonly detailType?: readonly string[];
  }[];
  readonly queue: { readonly batchSize: number; readonly maxReceiveCount: number };
}

async function queueArn(sqs: SQSClient, queueUrl: string | undefined): Promise<string> {
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return attributes.Attributes?.QueueArn ?? '';
}

async function loadWorkerHandler(file: string): Promise<QueueHandler> {
  const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') {
    throw new Error(`${file} does not export handler(event), the worker's Lambda entry`);
  }
  return module.handler as QueueHandler;
}
