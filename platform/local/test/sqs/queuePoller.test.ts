import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { createQueueWorker } from '@stack/kit';
import { startFauxqs } from 'fauxqs';
import { startQueuePoller, type QueueInvocation } from '../../src/index.js';

jest.setTimeout(30_000);

/** Waits until `check` returns a value, polling every 100 ms, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The local SQS event source mapping, on fauxqs, running the kit's real queue worker.
describe('Function: startQueuePoller', () => {
  let server: Awaited<ReturnType<typeof startFauxqs>>;
  let sqs: SQSClient;

  beforeAll(async () => {
    server = await startFauxqs({ port: 0, logger: false });
    sqs = new SQSClient({
      endpoint: server.address,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    sqs.destroy();
    await server.stop();
  });

  it('deletes what succeeded and moves a message that always fails to the DLQ after maxReceiveCount', async () => {
    // Prepare: a queue whose DLQ takes a message after 2 receives, redelivering after 1 s.
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: 'work-dlq' }));
    const dlqArn = (
      await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
      )
    ).Attributes?.QueueArn;
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: 'work',
        Attributes: {
          VisibilityTimeout: '1',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }),
        },
      }),
    );
    const handled: string[] = [];
    const invocations: QueueInvocation[] = [];
    const worker = createQueueWorker<unknown, { job: string }>((message) => {
      const job = message.kind === 'message' ? message.body.job : 'event';
      if (job === 'poison') throw new Error('cannot do this job');
      handled.push(job);
    });
    const poller = await startQueuePoller({
      sqs,
      queueUrl: queue.QueueUrl!,
      handler: worker,
      onInvocation: (invocation) => invocations.push(invocation),
    });

    // Act
    for (const job of ['poison', 'fine']) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: queue.QueueUrl, MessageBody: JSON.stringify({ job }) }),
      );
    }
    const deadLettered = await eventually(async () => {
      const received = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: dlq.QueueUrl, WaitTimeSeconds: 0 }),
      );
      return received.Messages?.[0];
    });
    await poller.stop();

    // Assess
    expect(JSON.parse(deadLettered.Body ?? '{}')).toEqual({ job: 'poison' });
    expect(handled).toEqual(['fine']);
    // The poison message was received twice and failed each time, alone or beside "fine".
    expect(invocations.flatMap((invocation) => invocation.failed)).toHaveLength(2);
    const left = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.QueueUrl, WaitTimeSeconds: 0 }),
    );
    expect(left.Messages ?? []).toEqual([]);
  });
});
