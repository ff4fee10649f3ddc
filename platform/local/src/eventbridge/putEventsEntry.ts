import { randomUUID } from 'node:crypto';
import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import type { EventBridgeEvent } from 'aws-lambda';
import type { AwsPlace } from './arns.js';

/** PutEvents takes at most 10 entries a call (API_PutEvents: Entries, "Maximum number of 10 items"). */
export const MAX_ENTRIES_PER_CALL = 10;

/** PutEvents refuses a call whose entries add up to more than 256 KB. */
export const MAX_ENTRIES_BYTES = 256 * 1024;

/**
 * The per-entry error AWS answers for an entry it refuses, or undefined for a good one. The
 * codes and wording are AWS's, in the order it checks them.
 */
export function entryError(entry: PutEventsRequestEntry): PutEventsResultEntry | undefined {
  const missing = (parameter: string): PutEventsResultEntry => ({
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${parameter} is a required argument.`,
  });
  if (!entry.Source) return missing('Source');
  if (!entry.DetailType) return missing('DetailType');
  if (!entry.Detail) return missing('Detail');
  if (!isJsonObjectText(entry.Detail))
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  return undefined;
}

/**
 * An entry's size as EventBridge counts it toward the 256 KB limit: 14 bytes for Time, then
 * the UTF-8 bytes of Source, DetailType, Detail and each resource
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html).
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (text: string | undefined) => (text ? Buffer.byteLength(text, 'utf8') : 0);
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

/**
 * The event EventBridge builds from a valid entry: a new id, `version: "0"`, the account and
 * Region of the bus, `time` in whole seconds, and `detail` parsed
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html).
 */
export function eventFromEntry(
  entry: PutEventsRequestEntry,
  place: AwsPlace,
  now: Date = new Date(),
): EventBridgeEvent<string, unknown> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.DetailType ?? '',
    source: entry.Source ?? '',
    account: place.account,
    time: (entry.Time ?? now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: place.region,
    resources: [...(entry.Resources ?? [])],
    detail: JSON.parse(entry.Detail ?? '{}') as unknown,
  };
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
