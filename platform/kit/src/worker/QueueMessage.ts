/**
 * An EventBridge event that reached the queue through a rule: a rule with an SQS target
 * delivers the whole event envelope as the message body.
 */
export interface QueueEvent<TDetail = unknown> {
  readonly kind: 'event';
  /** The event's id, unique per event: a key for idempotent handlers. */
  readonly id: string;
  /** `stack.<service>` of the producer. */
  readonly source: string;
  /** `<Entity><Change>`, e.g. `ReviewCreated`. */
  readonly detailType: string;
  /** When the event happened (ISO 8601). */
  readonly time: string;
  /** The event's payload, as its producer typed it; not validated here. */
  readonly detail: TDetail;
}

/** Any other JSON body: a message another service sent to the queue directly. */
export interface QueueDirectMessage<TBody = unknown> {
  readonly kind: 'message';
  /** The parsed body, as its sender typed it; not validated here. */
  readonly body: TBody;
}

/** What one SQS record carries, told apart by `kind`. */
export type QueueMessage<TDetail = unknown, TBody = unknown> =
  QueueEvent<TDetail> | QueueDirectMessage<TBody>;

/** Thrown for a body that is not JSON: the record fails and, after its retries, lands in the DLQ. */
export class InvalidMessageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidMessageError';
  }
}

// The fields every event EventBridge delivers has, with the types it gives them
// (https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html).
const ENVELOPE_STRINGS = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region'];

/**
 * Parses an SQS message body: an EventBridge envelope becomes a `QueueEvent`, any other JSON a
 * `QueueDirectMessage`. Throws InvalidMessageError when the body is not JSON.
 */
export function parseQueueMessage<TDetail = unknown, TBody = unknown>(
  body: string,
): QueueMessage<TDetail, TBody> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new InvalidMessageError(
      `the message body is not JSON (${(error as Error).message}); send JSON, e.g. JSON.stringify(payload)`,
      { cause: error },
    );
  }
  if (!isEventEnvelope(parsed)) return { kind: 'message', body: parsed as TBody };
  return {
    kind: 'event',
    id: parsed.id,
    source: parsed.source,
    detailType: parsed['detail-type'],
    time: parsed.time,
    detail: parsed.detail as TDetail,
  };
}

interface EventEnvelope {
  readonly id: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly time: string;
  readonly detail: unknown;
}

// A direct message that happens to have a `source` field must not pass for an event, so the
// check asks for the whole envelope.
function isEventEnvelope(value: unknown): value is EventEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    ENVELOPE_STRINGS.every((field) => typeof record[field] === 'string') &&
    Array.isArray(record.resources) &&
    'detail' in record
  );
}
