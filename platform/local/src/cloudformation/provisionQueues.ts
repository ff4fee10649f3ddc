import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { LocalStageModel, StageResource } from './LocalStageModel.js';

/** A queue the stage provisioned. */
export interface ProvisionedQueue {
  readonly resource: StageResource;
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  /** Its dead-letter queue's ARN and `maxReceiveCount`, from the template's RedrivePolicy. */
  readonly redrive?: { readonly deadLetterTargetArn: string; readonly maxReceiveCount: number };
}

/** A topic the stage provisioned. */
export interface ProvisionedTopic {
  readonly resource: StageResource;
  readonly name: string;
  readonly arn: string;
}

// A failed local batch must come back within seconds, not the cloud's 6 × function timeout.
const LOCAL_VISIBILITY_TIMEOUT_SECONDS = 5;

// Template attributes fauxqs takes as they are (encryption settings mean nothing locally).
const PASSED_ATTRIBUTES = [
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'FifoQueue',
  'ContentBasedDeduplication',
] as const;

/**
 * Creates every `AWS::SQS::Queue` of the stage in fauxqs with the template's attributes and
 * RedrivePolicy (dead-letter queues first, so the policies point at queues that exist), and
 * records each queue's URL (`Ref`), ARN and name for the resolver.
 */
export async function provisionQueues(
  model: LocalStageModel,
  sqs: SQSClient,
): Promise<ProvisionedQueue[]> {
  const resources = model.resourcesOfType('AWS::SQS::Queue');
  const hasRedrive = (each: StageResource) =>
    each.resource.Properties?.['RedrivePolicy'] !== undefined;
  const ordered = [
    ...resources.filter((each) => !hasRedrive(each)),
    ...resources.filter(hasRedrive),
  ];
  const queues: ProvisionedQueue[] = [];
  for (const resource of ordered) {
    const properties = model.resolve(
      resource,
      resource.resource.Properties ?? {},
      '.Properties',
    ) as Record<string, unknown>;
    const attributes: Record<string, string> = {
      VisibilityTimeout: String(LOCAL_VISIBILITY_TIMEOUT_SECONDS),
    };
    for (const name of PASSED_ATTRIBUTES) {
      const value = properties[name];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        attributes[name] = String(value);
    }
    const redrive = properties['RedrivePolicy'] as ProvisionedQueue['redrive'] | undefined;
    if (redrive) attributes['RedrivePolicy'] = JSON.stringify(redrive);
    const created = await sqs.send(
      new CreateQueueCommand({ QueueName: resource.name, Attributes: attributes }),
    );
    const url = created.QueueUrl ?? '';
    const described = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
    );
    const arn = described.Attributes?.['QueueArn'] ?? '';
    model.record(resource, {
      ref: url,
      attributes: { Arn: arn, QueueName: resource.name, QueueUrl: url },
    });
    queues.push({ resource, name: resource.name, url, arn, ...(redrive && { redrive }) });
  }
  return queues;
}

/** Creates every `AWS::SNS::Topic` of the stage in fauxqs and records its ARN (`Ref`). */
export async function provisionTopics(
  model: LocalStageModel,
  sns: SNSClient,
): Promise<ProvisionedTopic[]> {
  const topics: ProvisionedTopic[] = [];
  for (const resource of model.resourcesOfType('AWS::SNS::Topic')) {
    const created = await sns.send(new CreateTopicCommand({ Name: resource.name }));
    const arn = created.TopicArn ?? '';
    model.record(resource, { ref: arn, attributes: { TopicArn: arn, TopicName: resource.name } });
    topics.push({ resource, name: resource.name, arn });
  }
  return topics;
}
