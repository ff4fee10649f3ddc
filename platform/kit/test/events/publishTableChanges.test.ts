import { describe, expect, it } from '@jest/globals';
import type { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { idempotencyPartitionKey, publishTableChanges } from '../../src/index.js';
import { streamRecord } from './streamRecord.js';

/** Records the PutEvents entries it is sent and accepts them all. */
function recordingBus() {
  const details: Record<string, unknown>[] = [];
  const client = {
    send: (command: PutEventsCommand) => {
      const entries = command.input.Entries ?? [];
      for (const entry of entries) {
        details.push(JSON.parse(entry.Detail ?? '{}') as Record<string, unknown>);
      }
      return Promise.resolve({
        FailedEntryCount: 0,
        Entries: entries.map(() => ({ EventId: 'x' })),
      });
    },
  } as unknown as EventBridgeClient;
  return { client, details };
}

describe('Function: publishTableChanges', () => {
  it("leaves out a service's private items without counting them as skipped", async () => {
    // Prepare
    const bus = recordingBus();
    const records = [
      streamRecord('INSERT', { newImage: { pk: 'reviews#Review#r1', sk: 'Review' } }, 'e-1'),
      streamRecord(
        'INSERT',
        { newImage: { pk: idempotencyPartitionKey('notifications'), sk: 'default#abc' } },
        'e-2',
      ),
      streamRecord('INSERT', { newImage: { pk: 'analytics#_Applied#e-1', sk: 'Applied' } }, 'e-3'),
      streamRecord('INSERT', { newImage: { pk: 'loose', sk: 'x' } }, 'e-4'),
    ];

    // Act
    const outcome = await publishTableChanges(records, {
      client: bus.client,
      eventBusName: 'bus',
    });

    // Assess
    expect(outcome).toEqual({ published: 1, skipped: 1 });
    expect(bus.details).toEqual([expect.objectContaining({ eventId: 'e-1', version: 1 })]);
  });
});
