import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { eventVersionOf } from './contracts/eventVersions.js';

/** What happened to an item, as the last part of an event's `detail-type`. */
export const TABLE_CHANGES = ['Created', 'Updated', 'Deleted'] as const;
/** One of `TABLE_CHANGES`. */
export type TableChange = (typeof TABLE_CHANGES)[number];

// DynamoDB Streams' eventName of each change.
const CHANGE_OF_STREAM_EVENT: Readonly<Record<string, TableChange>> = {
  INSERT: 'Created',
  MODIFY: 'Updated',
  REMOVE: 'Deleted',
};

/**
 * The largest `detail` put on the bus with the item images. An event may be 256 KiB in total;
 * past this, the images are left out and `truncated` is set, so consumers read the item instead.
 */
export const MAX_DETAIL_BYTES = 200 * 1024;

/** `detail` of a table change event. */
export interface TableChangeDetail {
  /** Owning service: the first part of the item's `pk`. */
  readonly service: string;
  /** Entity name: the second part of the item's `pk` (`Review`, `ProductRecent`, …). */
  readonly entity: string;
  /** What happened. */
  readonly change: TableChange;
  /** The rest of the `pk` after `<service>#<Entity>#` (the entity's id), `''` when none. */
  readonly id: string;
  /** The item's primary key. */
  readonly keys: { readonly pk: string; readonly sk: string };
  /** The item after the change (absent for `Deleted`, or when `truncated`). */
  readonly newImage?: Record<string, unknown>;
  /** The item before the change (absent for `Created`, or when `truncated`). */
  readonly oldImage?: Record<string, unknown>;
  /** True when the images were too large for an event and were left out. */
  readonly truncated?: true;
  /** True for deletions by the table's TTL rather than by a caller. */
  readonly expired?: true;
  /** The stream record's id: a stable key for idempotent consumers. */
  readonly eventId: string;
  /** When the change happened (ISO 8601), from the stream record. */
  readonly changedAt: string;
  /**
   * Major version of the event's contract (platform/kit/src/events/contracts, docs/events.md):
   * fields are only added within a version; anything else is a new version.
   */
  readonly version: number;
}

/** One event for the bus, before it is put. */
export interface TableChangeEvent {
  /** `stack.<service>`. */
  readonly source: string;
  /** `<Entity><Change>`, e.g. `ReviewCreated`. */
  readonly detailType: string;
  readonly detail: TableChangeDetail;
}

/** `source` of the events of a service's items: `stack.<service>`. */
export function eventSourceOf(service: string): string {
  return `stack.${service}`;
}

/** `detail-type` of a change of an entity: `<Entity><Change>`, e.g. `ReviewCreated`. */
export function tableChangeDetailType(entity: string, change: TableChange): string {
  return `${entity}${change}`;
}

// `<service>#_<Name>…`: bookkeeping a service keeps for itself (idempotency records, markers).
const PRIVATE_PK = /^[a-z][a-z0-9-]*#_/;

/**
 * True for an item a service keeps for itself (`pk` starting `<service>#_`, e.g. idempotency
 * records): its changes are no one else's business and are never published as events.
 */
export function isPrivateItemKey(pk: string): boolean {
  return PRIVATE_PK.test(pk);
}

// `<service>#<Entity>#<id…>`: the key convention of docs/decisions/0004.
const ITEM_PK = /^([a-z][a-z0-9-]*)#([A-Z][A-Za-z0-9]*)(?:#(.*))?$/s;

/**
 * The event a DynamoDB stream record becomes: `source: stack.<service>`,
 * `detail-type: <Entity><Change>` from the item's `pk` and the record's `eventName`, and the
 * images unmarshalled to plain JSON. Returns undefined for a record whose key does not follow
 * the `<service>#<Entity>#…` convention (nothing to route it by).
 */
export function toTableChangeEvent(record: DynamoDBRecord): TableChangeEvent | undefined {
  const change = CHANGE_OF_STREAM_EVENT[record.eventName ?? ''];
  const stream = record.dynamodb;
  const keys = stream?.Keys;
  if (!change || !stream || !keys) return undefined;
  const pk = keys['pk']?.S;
  const sk = keys['sk']?.S;
  if (pk === undefined || sk === undefined) return undefined;
  const match = ITEM_PK.exec(pk);
  if (!match) return undefined;
  const [, service = '', entity = '', id = ''] = match;

  const images = {
    ...(stream.NewImage && { newImage: plain(stream.NewImage) }),
    ...(stream.OldImage && { oldImage: plain(stream.OldImage) }),
  };
  const seconds = stream.ApproximateCreationDateTime;
  const base = {
    service,
    entity,
    change,
    id,
    keys: { pk, sk },
    ...(change === 'Deleted' && expiredByTtl(record) && { expired: true as const }),
    eventId: record.eventID ?? `${pk}|${sk}|${stream.SequenceNumber ?? ''}`,
    changedAt: new Date(seconds === undefined ? Date.now() : seconds * 1000).toISOString(),
    version: eventVersionOf(eventSourceOf(service), tableChangeDetailType(entity, change)),
  };
  const full: TableChangeDetail = { ...base, ...images };
  const detail: TableChangeDetail =
    Buffer.byteLength(JSON.stringify(full)) > MAX_DETAIL_BYTES
      ? { ...base, truncated: true }
      : full;
  return {
    source: eventSourceOf(service),
    detailType: tableChangeDetailType(entity, change),
    detail,
  };
}

// Deletions by TTL carry the DynamoDB service as their user identity.
function expiredByTtl(record: DynamoDBRecord): boolean {
  const identity = record.userIdentity as { principalId?: unknown } | undefined;
  return identity?.principalId === 'dynamodb.amazonaws.com';
}

function plain(image: Record<string, unknown>): Record<string, unknown> {
  // The stream's images use the same AttributeValue shapes as the table API.
  return unmarshall(image as Record<string, AttributeValue>, { wrapNumbers: false });
}
