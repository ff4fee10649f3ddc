import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { CREDENTIALS, recordingLambda, REGION, startTestBus, type TestBus } from './testBus.js';

const ACCOUNT = '000000000000';

describe('LocalEventBridge: SQS targets, retries and dead-letter queues', () => {
  let fauxqs: FauxqsServer;
  let sqs: SQSClient;
  let sqsEndpoint: string;
  let bus: TestBus;

  async function createQueue(prefix: string): Promise<{ url: string; arn: string }> {
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: `${prefix}-${randomUUID().slice(0, 8)}` }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    return { url: QueueUrl ?? '', arn: Attributes?.QueueArn ?? '' };
  }

  async function receiveOne(queueUrl: string): Promise<Message | undefined> {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    return Messages?.[0];
  }

  const attributes = (message: Message | undefined) =>
    Object.fromEntries(
      Object.entries(message?.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        value.StringValue,
      ]),
    );

  beforeAll(async () => {
    fauxqs = await startFauxqs({ port: 0, logger: false, defaultRegion: REGION });
    sqsEndpoint = `http://127.0.0.1:${fauxqs.port}`;
    sqs = new SQSClient({ endpoint: sqsEndpoint, region: REGION, credentials: CREDENTIALS });
  });

  afterAll(async () => {
    sqs.destroy();
    await fauxqs.stop();
  });

  beforeEach(async () => {
    bus = await startTestBus({ sqs: { endpoint: sqsEndpoint, region: REGION } });
  });

  afterEach(async () => {
    await bus.close();
  });

  it('sends a matching event to an SQS target named by ARN', async () => {
    // Prepare
    const queue = await createQueue('orders');
    await bus.client.send(
      new PutRuleCommand({ Name: 'to-queue', EventPattern: '{"source":["shop.orders"]}' }),
    );
    await bus.client.send(
      new PutTargetsCommand({ Rule: 'to-queue', Targets: [{ Id: 'queue', Arn: queue.arn }] }),
    );

    // Act
    const result = await bus.client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{"id":"o-1"}' }],
      }),
    );
    await bus.bridge.waitForDeliveries();
    const message = await receiveOne(queue.url);

    // Assess
    expect(JSON.parse(message?.Body ?? 'null')).toMatchObject({
      id: result.Entries?.[0]?.EventId,
      source: 'shop.orders',
      'detail-type': 'OrderPlaced',
      detail: { id: 'o-1' },
    });
  });

  it('sends the InputPath selection instead of the event', async () => {
    // Prepare
    const queue = await createQueue('details');
    bus.bridge.addRule({
      name: 'details',
      pattern: { source: ['shop.orders'] },
      targets: [{ kind: 'sqs', queueUrl: queue.url, inputPath: '$.detail' }],
    });

    // Act
    await bus.client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{"id":"o-2"}' }],
      }),
    );
    await bus.bridge.waitForDeliveries();
    const message = await receiveOne(queue.url);

    // Assess
    expect(message?.Body).toBe('{"id":"o-2"}');
  });

  it('retries a lambda target that always throws, then dead-letters the event with the AWS attributes', async () => {
    // Prepare
    class PaymentDeclined extends Error {
      override name = 'PaymentDeclined';
    }
    const dlq = await createQueue('orders-dlq');
    let calls = 0;
    const rule = bus.bridge.addRule({
      name: 'charge',
      pattern: { source: ['shop.orders'] },
      targets: [
        {
          kind: 'lambda',
          functionName: 'charge-card',
          deadLetterQueueUrl: dlq.url,
          invoke: () => {
            calls += 1;
            return Promise.reject(new PaymentDeclined('card declined'));
          },
        },
      ],
    });

    // Act
    const result = await bus.client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{"id":"o-3"}' }],
      }),
    );
    await bus.bridge.waitForDeliveries();
    const message = await receiveOne(dlq.url);

    // Assess
    expect(calls).toBe(3); // the first attempt and the bus's 2 retries
    expect(JSON.parse(message?.Body ?? 'null')).toMatchObject({
      id: result.Entries?.[0]?.EventId,
      detail: { id: 'o-3' },
    });
    expect(attributes(message)).toEqual({
      RULE_ARN: rule.arn,
      TARGET_ARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:charge-card`,
      ERROR_CODE: 'PaymentDeclined',
      ERROR_MESSAGE: 'card declined',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '2',
    });
    expect(bus.bridge.events.at(-1)?.deliveries).toEqual([
      expect.objectContaining({ status: 'dead-lettered', attempts: 3 }),
    ]);
  });

  it('honours a lower MaximumRetryAttempts of the target', async () => {
    // Prepare
    let calls = 0;
    bus.bridge.addRule({
      name: 'once',
      pattern: { source: ['shop.orders'] },
      targets: [
        {
          kind: 'lambda',
          maximumRetryAttempts: 0,
          invoke: () => {
            calls += 1;
            return Promise.reject(new Error('down'));
          },
        },
      ],
    });

    // Act
    await bus.client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{}' }],
      }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(calls).toBe(1);
    expect(bus.bridge.events.at(-1)?.deliveries[0]).toMatchObject({
      status: 'dropped',
      error: { code: 'Error', message: 'down' },
    });
  });

  it('dead-letters an event for a function that does not exist without retrying', async () => {
    // Prepare
    const dlq = await createQueue('missing-fn-dlq');
    const missing = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:gone`;
    await bus.client.send(
      new PutRuleCommand({ Name: 'to-gone', EventPattern: '{"source":["shop.orders"]}' }),
    );
    await bus.client.send(
      new PutTargetsCommand({
        Rule: 'to-gone',
        Targets: [{ Id: 'gone', Arn: missing, DeadLetterConfig: { Arn: dlq.arn } }],
      }),
    );

    // Act
    await bus.client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{}' }],
      }),
    );
    await bus.bridge.waitForDeliveries();
    const message = await receiveOne(dlq.url);

    // Assess
    expect(attributes(message)).toMatchObject({
      ERROR_CODE: 'ResourceNotFoundException',
      TARGET_ARN: missing,
      RETRY_ATTEMPTS: '0',
    });
    expect(attributes(message)).not.toHaveProperty('EXHAUSTED_RETRY_CONDITION');
  });

  it('delivers to a lambda target and an SQS target of the same rule', async () => {
    // Prepare
    const queue = await createQueue('fanout');
    const lambda = recordingLambda();
    bus.bridge.addRule({
      name: 'fanout',
      pattern: { 'detail-type': [{ 'equals-ignore-case': 'orderplaced' }] },
      targets: [
        { kind: 'lambda', invoke: lambda.invoke },
        { kind: 'sqs', queueUrl: queue.url },
      ],
    });

    // Act
    await bus.client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{}' }],
      }),
    );
    await bus.bridge.waitForDeliveries();
    const message = await receiveOne(queue.url);

    // Assess
    expect(lambda.received).toHaveLength(1);
    expect(message).toBeDefined();
    expect(bus.bridge.events.at(-1)?.deliveries.map((delivery) => delivery.status)).toEqual([
      'delivered',
      'delivered',
    ]);
  });
});
