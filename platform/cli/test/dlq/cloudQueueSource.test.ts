import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { cloudQueueSource } from '../../src/dlq/cloudQueueSource.js';

/**
 * An SSMClient answering GetParametersByPath from a fixed list (two pages) without a network
 * call: no SSM emulator serves that action here. SQS is the real emulator (fauxqs).
 */
function ssmWith(parameters: { Name: string; Value: string }[]) {
  const paths: string[] = [];
  const client = new SSMClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.add(
    () => (args) => {
      const input = args.input as { Path: string; NextToken?: string };
      paths.push(input.Path);
      const page = input.NextToken === undefined ? parameters.slice(0, 1) : parameters.slice(1);
      return Promise.resolve({
        output: {
          Parameters: page,
          ...(input.NextToken === undefined && { NextToken: 'page-2' }),
          $metadata: {},
        },
        response: {},
      });
    },
    { step: 'initialize', name: 'answerFromList' },
  );
  return { client, paths };
}

describe('Function: cloudQueueSource', () => {
  let fauxqs: FauxqsServer;
  let sqs: SQSClient;

  beforeAll(async () => {
    fauxqs = await startFauxqs({ port: 0, logger: false });
    sqs = new SQSClient({
      endpoint: fauxqs.address,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    sqs.destroy();
    await fauxqs.stop();
  });

  it("finds each worker's queue by its SSM parameter and its DLQ by the queue's RedrivePolicy", async () => {
    const dlq = (
      await sqs.send(new CreateQueueCommand({ QueueName: 'stack-integration-mailer-dlq' }))
    ).QueueUrl!;
    const dlqArn = (
      await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }))
    ).Attributes!.QueueArn!;
    const queue = (
      await sqs.send(
        new CreateQueueCommand({
          QueueName: 'stack-integration-mailer',
          Attributes: {
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }),
          },
        }),
      )
    ).QueueUrl!;
    const ssm = ssmWith([
      { Name: '/stack/integration/services/mailer/queue-arn', Value: dlqArn },
      { Name: '/stack/integration/services/mailer/queue-url', Value: queue },
    ]);

    const source = await cloudQueueSource('integration', { ssm: ssm.client, sqs });

    expect(ssm.paths).toEqual(['/stack/integration/services/', '/stack/integration/services/']);
    expect(source.workers).toEqual([{ name: 'mailer', queueUrl: queue, deadLetterQueueUrl: dlq }]);
    ssm.client.destroy();
  });
});
