import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateArchiveCommand,
  DescribeEventBusCommand,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { recordingLambda, REGION, startTestBus, type TestBus } from './testBus.js';

const orderPlaced = (detail: object = { orderId: 'o-1' }): PutEventsRequestEntry => ({
  Source: 'shop.orders',
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify(detail),
});

/** Sends a raw AWS JSON 1.1 request, for bodies the SDK would never produce. */
async function rawRequest(url: string, operation: string, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSEvents.${operation}`,
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('LocalEventBridge: PutEvents', () => {
  let bus: TestBus;

  beforeEach(async () => {
    bus = await startTestBus();
  });

  afterEach(async () => {
    await bus.close();
  });

  it('delivers a matching event to a lambda target with the full EventBridge envelope', async () => {
    // Prepare
    const lambda = recordingLambda();
    bus.bridge.addRule({
      name: 'orders',
      pattern: { source: ['shop.orders'], 'detail-type': ['OrderPlaced'] },
      targets: [{ kind: 'lambda', functionName: 'onOrder', invoke: lambda.invoke }],
    });

    // Act
    const result = await bus.client.send(
      new PutEventsCommand({
        Entries: [{ ...orderPlaced({ orderId: 'o-1', total: 42 }), Resources: ['arn:aws:x:1'] }],
      }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(lambda.received).toEqual([
      {
        version: '0',
        id: result.Entries?.[0]?.EventId,
        'detail-type': 'OrderPlaced',
        source: 'shop.orders',
        account: '000000000000',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        region: REGION,
        resources: ['arn:aws:x:1'],
        detail: { orderId: 'o-1', total: 42 },
      },
    ]);
    expect(result.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the Time an entry gives, in whole seconds', async () => {
    // Prepare
    const lambda = recordingLambda();
    bus.bridge.addRule({
      name: 'orders',
      pattern: { source: ['shop.orders'] },
      targets: [{ kind: 'lambda', invoke: lambda.invoke }],
    });

    // Act
    await bus.client.send(
      new PutEventsCommand({
        Entries: [{ ...orderPlaced(), Time: new Date('2022-01-01T00:00:00.250Z') }],
      }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(lambda.received).toEqual([expect.objectContaining({ time: '2022-01-01T00:00:00Z' })]);
  });

  it('answers PutEvents without waiting for the target to finish', async () => {
    // Prepare
    let finish: () => void = () => undefined;
    bus.bridge.addRule({
      name: 'slow',
      pattern: { source: ['shop.orders'] },
      targets: [
        { kind: 'lambda', invoke: () => new Promise<void>((resolve) => (finish = resolve)) },
      ],
    });

    // Act
    const result = await bus.client.send(new PutEventsCommand({ Entries: [orderPlaced()] }));
    const whileRunning = bus.bridge.events.at(-1)?.deliveries[0]?.status;
    finish();
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(whileRunning).toBe('pending');
    expect(bus.bridge.events.at(-1)?.deliveries[0]?.status).toBe('delivered');
  });

  it('delivers a non-matching event to nobody', async () => {
    // Prepare
    const lambda = recordingLambda();
    bus.bridge.addRule({
      name: 'orders',
      pattern: { source: ['shop.orders'] },
      targets: [{ kind: 'lambda', invoke: lambda.invoke }],
    });

    // Act
    const result = await bus.client.send(
      new PutEventsCommand({ Entries: [{ ...orderPlaced(), Source: 'shop.billing' }] }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(lambda.received).toEqual([]);
    expect(bus.bridge.events.at(-1)).toMatchObject({ matchedRules: [], deliveries: [] });
  });

  it('answers per-entry errors for a bad Detail and a missing Source, and accepts the rest', async () => {
    // Prepare
    const lambda = recordingLambda();
    bus.bridge.addRule({
      name: 'orders',
      pattern: { source: ['shop.orders'] },
      targets: [{ kind: 'lambda', invoke: lambda.invoke }],
    });

    // Act
    const result = await bus.client.send(
      new PutEventsCommand({
        Entries: [
          orderPlaced(),
          { ...orderPlaced(), Detail: 'not json' },
          { ...orderPlaced(), Detail: '[1, 2]' },
          { DetailType: 'OrderPlaced', Detail: '{}' },
        ],
      }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(result.FailedEntryCount).toBe(3);
    expect(result.Entries?.[0]?.EventId).toBeDefined();
    expect(result.Entries?.slice(1)).toEqual([
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
      },
    ]);
    expect(lambda.received).toHaveLength(1);
  });

  it('refuses 11 entries with a ValidationException and keeps serving', async () => {
    // Prepare
    const entries = Array.from({ length: 11 }, () => orderPlaced());

    // Act
    const refusal = bus.client.send(new PutEventsCommand({ Entries: entries }));

    // Assess
    await expect(refusal).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringContaining('Member must have length less than or equal to 10'),
    });
    const next = await bus.client.send(new PutEventsCommand({ Entries: entries.slice(0, 10) }));
    expect(next.FailedEntryCount).toBe(0);
  });

  it('refuses entries over 256 KB in total with a ValidationException', async () => {
    // Prepare
    const big = orderPlaced({ blob: 'x'.repeat(130 * 1024) });

    // Act
    const refusal = bus.client.send(new PutEventsCommand({ Entries: [big, big] }));

    // Assess
    await expect(refusal).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('answers a body that is not JSON with a 400 SerializationException and keeps serving', async () => {
    // Prepare
    const url = bus.bridge.url;

    // Act
    const response = await rawRequest(url, 'PutEvents', '{"Entries": [');
    const next = await bus.client.send(new PutEventsCommand({ Entries: [orderPlaced()] }));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      __type: 'SerializationException',
      message: expect.any(String),
    });
    expect(next.FailedEntryCount).toBe(0);
  });

  it('answers a request without Entries with a 400 ValidationException', async () => {
    // Prepare
    const url = bus.bridge.url;

    // Act
    const response = await rawRequest(url, 'PutEvents', '{}');

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers fields of the wrong type with AWS-shaped errors, through the SDK and raw, and keeps serving', async () => {
    // Prepare
    const url = bus.bridge.url;
    const wrong = { ...orderPlaced(), Detail: 42, Resources: 'not-a-list' };

    // Act
    const viaSdk = await bus.client
      .send(new PutEventsCommand({ Entries: [wrong as unknown as PutEventsRequestEntry] }))
      .then(
        (result) => ({ result }),
        (error: unknown) => ({
          error: error as { name: string; $metadata: { httpStatusCode?: number } },
        }),
      );
    const entriesNotList = await rawRequest(url, 'PutEvents', '{"Entries": "nope"}');
    const sourceNumber = await rawRequest(
      url,
      'PutEvents',
      JSON.stringify({ Entries: [{ Source: 7, DetailType: 'X', Detail: '{}' }] }),
    );
    const next = await bus.client.send(new PutEventsCommand({ Entries: [orderPlaced()] }));

    // Assess: a 400 with an AWS error type, or a per-entry error; never a crash or a 500.
    if ('error' in viaSdk) {
      expect(viaSdk.error.$metadata.httpStatusCode).toBe(400);
      expect(viaSdk.error.name).toMatch(/ValidationException|SerializationException/);
    } else {
      expect(viaSdk.result.FailedEntryCount).toBe(1);
      expect(viaSdk.result.Entries?.[0]?.ErrorCode).toEqual(expect.any(String));
    }
    for (const response of [entriesNotList, sourceNumber]) {
      expect(response.status).toBe(400);
      expect(response.body['__type']).toMatch(/ValidationException|SerializationException/);
      expect(response.body['message']).toEqual(expect.any(String));
    }
    expect(next.FailedEntryCount).toBe(0);
  });

  it('accepts an event for a bus that does not exist and drops it, as AWS does', async () => {
    // Prepare
    const entry = { ...orderPlaced(), EventBusName: 'no-such-bus' };

    // Act
    const result = await bus.client.send(new PutEventsCommand({ Entries: [entry] }));
    const describe = bus.client.send(new DescribeEventBusCommand({ Name: 'no-such-bus' }));

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries?.[0]?.EventId).toBeDefined();
    expect(bus.bridge.events.at(-1)?.droppedBecause).toBe('Event bus no-such-bus does not exist.');
    await expect(describe).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus no-such-bus does not exist.',
    });
  });

  it('answers an operation it does not serve with UnknownOperationException', async () => {
    // Prepare
    const command = new CreateArchiveCommand({
      ArchiveName: 'all',
      EventSourceArn: `arn:aws:events:${REGION}:000000000000:event-bus/default`,
    });

    // Act
    const refusal = bus.client.send(command);

    // Assess
    await expect(refusal).rejects.toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('keeps a bounded log of recent events', async () => {
    // Prepare
    const small = await startTestBus({ eventLogSize: 3 });

    // Act
    for (let index = 0; index < 5; index += 1)
      await small.client.send(new PutEventsCommand({ Entries: [orderPlaced({ index })] }));
    const logged = small.bridge.events.map((entry) => entry.event.detail);
    await small.close();

    // Assess
    expect(logged).toEqual([{ index: 2 }, { index: 3 }, { index: 4 }]);
  });
});
