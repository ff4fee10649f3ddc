import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import type { Context } from 'aws-lambda';
import { serviceLogger } from '../../src/observability/logger.js';
import type { QueueMessage } from '../../src/worker/QueueMessage.js';
import { createQueueWorker, type QueueRecordContext } from '../../src/worker/createQueueWorker.js';
import { eventBridgeBody, sqsEvent, sqsRecord } from '../../src/testing/sqsRecords.js';

const SERVICE = 'worker-test';

describe('Function: createQueueWorker', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    // The suite runs with POWERTOOLS_LOG_LEVEL=SILENT; the failure's log is part of the contract.
    serviceLogger(SERVICE).setLogLevel('ERROR');
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }
  });
  afterEach(() => {
    jest.restoreAllMocks();
    serviceLogger(SERVICE).setLogLevel('SILENT');
  });

  it('reports exactly the one record whose handler threw', async () => {
    // Prepare
    const handled: string[] = [];
    const handler = createQueueWorker<unknown, { n: number }>(
      (message) => {
        if (message.kind !== 'message') throw new Error('expected direct messages');
        if (message.body.n === 2) throw new Error('cannot handle 2');
        handled.push(String(message.body.n));
      },
      { serviceName: SERVICE },
    );

    // Act
    const response = await handler(
      sqsEvent(
        sqsRecord('m-1', JSON.stringify({ n: 1 })),
        sqsRecord('m-2', JSON.stringify({ n: 2 }), 3),
        sqsRecord('m-3', JSON.stringify({ n: 3 })),
      ),
      { awsRequestId: 'req-1' } as Context,
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }] });
    expect(handled.sort()).toEqual(['1', '3']);
    const logged = written
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        service: SERVICE,
        messageId: 'm-2',
        receiveCount: 3,
        error: expect.objectContaining({ message: 'cannot handle 2' }),
      }),
    ]);
  });

  it('fails only the record whose body is not JSON, without calling the handler for it', async () => {
    // Prepare
    const received: string[] = [];
    const handler = createQueueWorker(
      (_message, context) => {
        received.push(context.messageId);
      },
      { serviceName: SERVICE },
    );

    // Act
    const response = await handler(
      sqsEvent(sqsRecord('good', '{"ok":true}'), sqsRecord('broken', 'not json {')),
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'broken' }] });
    expect(received).toEqual(['good']);
  });

  it('hands events and direct messages to the handler, told apart by kind', async () => {
    // Prepare
    const seen: [QueueMessage, Omit<QueueRecordContext, 'record'>][] = [];
    const handler = createQueueWorker(
      (message, { messageId, receiveCount }) => {
        seen.push([message, { messageId, receiveCount }]);
      },
      { serviceName: SERVICE },
    );
    const event = eventBridgeBody({
      id: 'event-1',
      source: 'stack.products',
      detailType: 'ProductCreated',
      detail: { id: 'p-1' },
    });

    // Act
    const response = await handler(
      sqsEvent(sqsRecord('m-event', event, 2), sqsRecord('m-direct', '{"job":"reindex"}')),
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(seen).toEqual(
      expect.arrayContaining([
        [
          {
            kind: 'event',
            id: 'event-1',
            source: 'stack.products',
            detailType: 'ProductCreated',
            time: '2026-01-02T03:04:05Z',
            detail: { id: 'p-1' },
          },
          { messageId: 'm-event', receiveCount: 2 },
        ],
        [
          { kind: 'message', body: { job: 'reindex' } },
          { messageId: 'm-direct', receiveCount: 1 },
        ],
      ]),
    );
    expect(seen).toHaveLength(2);
  });

  it('throws when every record of the batch failed, so Lambda counts an error', async () => {
    // Prepare
    const handler = createQueueWorker(
      () => {
        throw new Error('downstream is down');
      },
      { serviceName: SERVICE },
    );

    // Act
    const outcome = handler(sqsEvent(sqsRecord('a', '{}'), sqsRecord('b', '{}')));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(FullBatchFailureError);
  });
});
