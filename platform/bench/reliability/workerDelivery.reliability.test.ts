import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { createQueueWorker, makeRecordIdempotent, type QueueWorkerHandler } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { startQueuePoller, type QueueInvocation, type QueuePoller } from '@stack/local';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually.js';

const MAX_RECEIVES = 3;

/** A worker queue with its DLQ, as the event-worker template creates them (short timeouts). */
async function createQueueWithDlq(sqs: SQSClient, name: string) {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqArn = (
    await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
    )
  ).Attributes?.QueueArn;
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        // Redelivery after 1 s, so the retries of a failing message take seconds, not minutes.
        VisibilityTimeout: '1',
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn,
          maxReceiveCount: MAX_RECEIVES,
        }),
      },
    }),
  );
  return { queueUrl: queue.QueueUrl ?? '', dlqUrl: dlq.QueueUrl ?? '' };
}

/** An EventBridge envelope as a rule delivers it to a queue; `id` is the event's identity. */
function eventBody(id: string): string {
  return JSON.stringify({
    version: '0',
    id,
    'detail-type': 'ReviewCreated',
    source: 'stack.reviews',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'eu-west-1',
    resources: [],
    detail: { reviewId: 'review-1' },
  });
}

describe('Reliability: failing and duplicated queue deliveries', () => {
  let fauxqs: FauxqsServer;
  let sqs: SQSClient;
  const pollers: QueuePoller[] = [];

  beforeAll(async () => {
    fauxqs = await startFauxqs({ port: 0, logger: false });
    sqs = new SQSClient({
      endpoint: fauxqs.address,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
    sqs.destroy();
    await fauxqs.stop();
  });

  const poll = async (queueUrl: string, handler: QueueWorkerHandler) => {
    const invocations: QueueInvocation[] = [];
    pollers.push(
      await startQueuePoller({
        sqs,
        queueUrl,
        handler,
        onInvocation: (invocation) => invocations.push(invocation),
      }),
    );
    return invocations;
  };

  it('retries a message whose worker always throws, then leaves it in the DLQ', async () => {
    // Prepare
    const { queueUrl, dlqUrl } = await createQueueWithDlq(sqs, 'always-fails');
    const receives: number[] = [];
    await poll(
      queueUrl,
      createQueueWorker((_message, context) => {
        receives.push(context.receiveCount);
        throw new Error('the downstream API is down');
      }),
    );

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: eventBody('e-1') }));
    const deadLettered = await eventually('the message in the DLQ', async () => {
      const received = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: dlqUrl, WaitTimeSeconds: 0 }),
      );
      return received.Messages?.[0];
    });

    // Assess: received exactly maxReceiveCount times, then moved, body intact, queue empty.
    expect(receives).toEqual([1, 2, 3]);
    expect(JSON.parse(deadLettered.Body ?? '{}')).toMatchObject({ id: 'e-1' });
    const left = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(left.Messages ?? []).toEqual([]);
  });

  it('runs the side effect of a duplicated event once (idempotency record on DynamoDB Local)', async () => {
    // Prepare: the side effect is guarded by the kit's idempotency helper, keyed by event id.
    const tableName = await createTestTable('reliability-idempotency');
    const { queueUrl, dlqUrl } = await createQueueWithDlq(sqs, 'duplicates');
    const sent: string[] = [];
    const sendEmail = makeRecordIdempotent(
      'notifications',
      (eventId: string) => {
        sent.push(eventId);
        return { sent: true };
      },
      { tableName, keyFrom: (eventId) => eventId, scope: 'reliability' },
    );
    const invocations = await poll(
      queueUrl,
      createQueueWorker(async (message) => {
        if (message.kind !== 'event') throw new Error('expected an event');
        await sendEmail(message.id);
      }),
    );
    const eventId = randomUUID();

    // Act: the same event delivered twice (at-least-once), plus one other event.
    for (const id of [eventId, eventId, 'other-event']) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: eventBody(id) }));
    }
    await eventually('all three messages handled', () => {
      const handled = invocations.reduce(
        (sum, invocation) => sum + invocation.received - invocation.failed.length,
        0,
      );
      return Promise.resolve(handled >= 3 ? handled : undefined);
    });

    // Assess: one side effect per event; nothing failed for good.
    expect(sent.sort()).toEqual([eventId, 'other-event'].sort());
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl }));
    expect(dead.Messages ?? []).toEqual([]);
  });
});
