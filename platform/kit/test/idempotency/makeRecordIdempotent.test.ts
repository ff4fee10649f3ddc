import { beforeAll, describe, expect, it } from '@jest/globals';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createTestTable } from '../../src/testing/index.js';
import { documentClient } from '../../src/dynamo/documentClient.js';
import { createQueueWorker } from '../../src/worker/createQueueWorker.js';
import {
  IDEMPOTENCY_EXPIRY_SECONDS,
  makeRecordIdempotent,
} from '../../src/idempotency/makeRecordIdempotent.js';
import { idempotencyPartitionKey } from '../../src/idempotency/idempotencyKeys.js';
import { eventBridgeBody, sqsEvent, sqsRecord } from '../../src/testing/sqsRecords.js';

describe('Function: makeRecordIdempotent (DynamoDB Local)', () => {
  let tableName: string;
  beforeAll(async () => {
    tableName = await createTestTable('idempotency');
  });

  const records = async (service: string) =>
    (
      await documentClient().send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': idempotencyPartitionKey(service) },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];

  it('runs the function once per key and returns the stored result on a repeat', async () => {
    // Prepare
    const calls: string[] = [];
    const send = makeRecordIdempotent(
      'mailer',
      (message: { id: string; to: string }) => {
        calls.push(message.to);
        return { sentTo: message.to };
      },
      { tableName, keyFrom: (message) => message.id, scope: 'email' },
    );

    // Act
    const first = await send({ id: 'event-1', to: 'a@example.com' });
    const repeat = await send({ id: 'event-1', to: 'a@example.com' });
    const other = await send({ id: 'event-2', to: 'b@example.com' });

    // Assess
    expect(calls).toEqual(['a@example.com', 'b@example.com']);
    expect(first).toEqual({ sentTo: 'a@example.com' });
    expect(repeat).toEqual(first);
    expect(other).toEqual({ sentTo: 'b@example.com' });
  });

  it('keeps its records under the service prefix, with the table TTL attribute expiresAt', async () => {
    // Prepare
    const run = makeRecordIdempotent('keyed', (_id: string) => 'done', {
      tableName,
      keyFrom: (id: string) => id,
      scope: 'job',
    });
    const before = Math.floor(Date.now() / 1000);

    // Act
    await run('k-1');

    // Assess
    const [record, ...rest] = await records('keyed');
    expect(rest).toEqual([]);
    expect(record?.pk).toBe('keyed#_Idempotency');
    expect(record?.pk).toMatch(/^keyed#/);
    expect(record?.sk).toMatch(/^job#[A-Za-z0-9+/]{22}==$/);
    expect(record?.status).toBe('COMPLETED');
    expect(record?.expiresAt).toBeGreaterThanOrEqual(before + IDEMPOTENCY_EXPIRY_SECONDS);
    expect(record?.expiresAt).toBeLessThan(before + IDEMPOTENCY_EXPIRY_SECONDS + 60);
  });

  it('removes the record when the function throws, so the next delivery runs it again', async () => {
    // Prepare
    let attempts = 0;
    const flaky = makeRecordIdempotent(
      'flaky',
      (_id: string) => {
        attempts += 1;
        if (attempts === 1) throw new Error('provider down');
        return attempts;
      },
      { tableName, keyFrom: (id: string) => id },
    );

    // Act
    await expect(flaky('k-1')).rejects.toThrow('provider down');
    const afterFailure = await records('flaky');
    const result = await flaky('k-1');

    // Assess
    expect(afterFailure).toEqual([]);
    expect(result).toBe(2);
    expect(attempts).toBe(2);
  });

  it('refuses a concurrent call with the same key while the first is in progress', async () => {
    // Prepare
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = makeRecordIdempotent('slow', async (_id: string) => gate.then(() => 'ok'), {
      tableName,
      keyFrom: (id: string) => id,
    });

    // Act
    const first = slow('k-1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = slow('k-1').catch((error: Error) => error.name);
    const secondOutcome = await second;
    release();

    // Assess
    expect(secondOutcome).toBe('IdempotencyAlreadyInProgressError');
    expect(await first).toBe('ok');
  });

  it('separates scopes that see the same key', async () => {
    // Prepare
    const ran: string[] = [];
    const email = makeRecordIdempotent('scoped', (_id: string) => ran.push('email'), {
      tableName,
      keyFrom: (id: string) => id,
      scope: 'email',
    });
    const push = makeRecordIdempotent('scoped', (_id: string) => ran.push('push'), {
      tableName,
      keyFrom: (id: string) => id,
      scope: 'push',
    });

    // Act
    await email('event-1');
    await push('event-1');
    await email('event-1');

    // Assess
    expect(ran).toEqual(['email', 'push']);
  });

  it('rejects a bad service name, scope or empty key before writing anything', async () => {
    // Act / Assess
    expect(() =>
      makeRecordIdempotent('Bad Name', () => 1, { tableName, keyFrom: () => 'x' }),
    ).toThrow(/service "Bad Name" is not a service name/);
    expect(() =>
      makeRecordIdempotent('ok', () => 1, { tableName, keyFrom: () => 'x', scope: 'a b' }),
    ).toThrow(/scope "a b"/);
    const empty = makeRecordIdempotent('empty', () => 1, { tableName, keyFrom: () => '' });
    await expect(empty()).rejects.toThrow(/keyFrom returned ""/);
    expect(await records('empty')).toEqual([]);
  });

  it('makes a queue worker handle a redelivered event once', async () => {
    // Prepare
    const handled: string[] = [];
    const handleEvent = makeRecordIdempotent(
      'worker',
      (eventId: string) => {
        handled.push(eventId);
      },
      { tableName, keyFrom: (eventId) => eventId },
    );
    const worker = createQueueWorker(async (message) => {
      if (message.kind === 'event') await handleEvent(message.id);
    });
    const body = eventBridgeBody({
      id: 'event-9',
      source: 'stack.reviews',
      detailType: 'ReviewCreated',
      detail: {},
    });

    // Act
    const first = await worker(sqsEvent(sqsRecord('m-1', body)));
    const redelivered = await worker(sqsEvent(sqsRecord('m-2', body, 2)));

    // Assess
    expect(first).toEqual({ batchItemFailures: [] });
    expect(redelivered).toEqual({ batchItemFailures: [] });
    expect(handled).toEqual(['event-9']);
  });
});
