import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { DynamoDBRecord } from 'aws-lambda';
import { isPrivateItemKey, toTableChangeEvent } from './tableChangeEvent.js';

// PutEvents takes at most 10 entries and 256 KiB per request
// (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html).
const MAX_ENTRIES_PER_REQUEST = 10;
const MAX_REQUEST_BYTES = 256 * 1024;

/** Where `publishTableChanges` puts its events. */
export interface PublishTarget {
  readonly client: EventBridgeClient;
  /** Name or ARN of the bus. */
  readonly eventBusName: string;
}

/** What one call published. */
export interface PublishOutcome {
  /** Events put on the bus. */
  readonly published: number;
  /**
   * Records skipped because their key follows no service's convention. Changes of a service's
   * private items (`<service>#_…`, see `isPrivateItemKey`) are left out without being counted.
   */
  readonly skipped: number;
}

/** Some entries of a PutEvents call were refused; the batch must be retried. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}

/**
 * Turns DynamoDB stream records into `<Entity><Change>` events (see `toTableChangeEvent`) and
 * puts them on the bus in as few PutEvents calls as the request limits allow, in stream order.
 * Throws PublishError naming the failed entries when the bus refuses any: the caller (the
 * Pipe) retries the batch, and consumers are idempotent on `detail.eventId`.
 */
export async function publishTableChanges(
  records: readonly DynamoDBRecord[],
  target: PublishTarget,
): Promise<PublishOutcome> {
  const entries: PutEventsRequestEntry[] = [];
  let skipped = 0;
  for (const record of records) {
    const pk = record.dynamodb?.Keys?.['pk']?.S;
    if (pk !== undefined && isPrivateItemKey(pk)) continue;
    const event = toTableChangeEvent(record);
    if (!event) {
      skipped += 1;
      continue;
    }
    entries.push({
      EventBusName: target.eventBusName,
      Source: event.source,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
      Time: new Date(event.detail.changedAt),
    });
  }
  for (const chunk of requestChunks(entries)) {
    const result = await target.client.send(new PutEventsCommand({ Entries: chunk }));
    const failed = (result.Entries ?? [])
      .map((entry, index) => ({ entry, request: chunk[index] }))
      .filter(({ entry }) => entry.ErrorCode !== undefined);
    if ((result.FailedEntryCount ?? 0) > 0 || failed.length > 0) {
      const reasons = failed
        .map(({ entry, request }) =>
          `${request?.DetailType ?? '?'}: ${entry.ErrorCode} ${entry.ErrorMessage ?? ''}`.trim(),
        )
        .join('; ');
      throw new PublishError(
        `the bus refused ${failed.length || result.FailedEntryCount} of ${chunk.length} events (${reasons})`,
      );
    }
  }
  return { published: entries.length, skipped };
}

// The size PutEvents counts for an entry: its Source, DetailType, Detail and resources, plus
// 14 bytes for a Time (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html).
function entrySize(entry: PutEventsRequestEntry): number {
  return (
    Buffer.byteLength(entry.Source ?? '') +
    Buffer.byteLength(entry.DetailType ?? '') +
    Buffer.byteLength(entry.Detail ?? '') +
    (entry.Time ? 14 : 0)
  );
}

function requestChunks(entries: readonly PutEventsRequestEntry[]): PutEventsRequestEntry[][] {
  const chunks: PutEventsRequestEntry[][] = [];
  let current: PutEventsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (
      current.length === MAX_ENTRIES_PER_REQUEST ||
      (current.length > 0 && bytes + size > MAX_REQUEST_BYTES)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
