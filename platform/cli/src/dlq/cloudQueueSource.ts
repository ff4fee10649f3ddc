import { GetQueueAttributesCommand, GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { GetParametersByPathCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { QueueSource, WorkerQueues } from './WorkerQueues.js';

/** Where event-worker@1 publishes its queue: `/stack/<env>/services/<worker>/queue-url`. */
export const servicesParameterPath = (environment: string) => `/stack/${environment}/services/`;

/**
 * A deployed environment's worker queues: every `/stack/<env>/services/<worker>/queue-url` SSM
 * parameter (published by event-worker@1), and each queue's dead-letter queue from its
 * RedrivePolicy (the DLQ's URL is not published; its ARN is in the policy).
 */
export async function cloudQueueSource(
  environment: string,
  clients: { ssm: SSMClient; sqs: SQSClient },
): Promise<QueueSource> {
  const path = servicesParameterPath(environment);
  const queueUrls = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const page = await clients.ssm.send(
      new GetParametersByPathCommand({ Path: path, Recursive: true, NextToken: nextToken }),
    );
    for (const parameter of page.Parameters ?? []) {
      const match = parameter.Name?.slice(path.length).match(/^([a-z][a-z0-9-]*)\/queue-url$/);
      if (match?.[1] && parameter.Value) queueUrls.set(match[1], parameter.Value);
    }
    nextToken = page.NextToken;
  } while (nextToken);

  const workers: WorkerQueues[] = [];
  for (const [name, queueUrl] of [...queueUrls].sort(([a], [b]) => a.localeCompare(b))) {
    const attributes = await clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }),
    );
    const policy = attributes.Attributes?.RedrivePolicy;
    if (!policy) continue;
    const arn = String(
      (JSON.parse(policy) as { deadLetterTargetArn?: string }).deadLetterTargetArn,
    );
    // arn:aws:sqs:<region>:<account>:<name>
    const [, , , , account, queueName] = arn.split(':');
    const dlq = await clients.sqs.send(
      new GetQueueUrlCommand({ QueueName: queueName, QueueOwnerAWSAccountId: account }),
    );
    if (dlq.QueueUrl) workers.push({ name, queueUrl, deadLetterQueueUrl: dlq.QueueUrl });
  }
  return { description: `SSM ${path}*/queue-url`, workers };
}
