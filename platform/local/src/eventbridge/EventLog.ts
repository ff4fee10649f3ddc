import type { EventBridgeEvent } from 'aws-lambda';

/**
 * How one delivery ended: still running or retrying, delivered, sent to the target's
 * dead-letter queue, or dropped (failed for good with no DLQ, as AWS drops it).
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'dead-lettered' | 'dropped';

/** One event's delivery to one target of one matching rule. */
export interface DeliveryRecord {
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly targetId: string;
  readonly targetArn: string;
  status: DeliveryStatus;
  /** Calls made so far: the first attempt plus retries. */
  attempts: number;
  /** The last failure, when there was one. */
  error?: { readonly code: string; readonly message: string };
}

/** An accepted event, the rules it matched and what became of each delivery. */
export interface LoggedEvent {
  readonly event: EventBridgeEvent<string, unknown>;
  readonly eventBusName: string;
  readonly matchedRules: readonly string[];
  /** Why no rule saw the event, e.g. its bus does not exist (AWS accepts and drops it). */
  readonly droppedBecause?: string;
  readonly deliveries: DeliveryRecord[];
}

/** The most recent events a bus accepted, oldest first, for the dev UI and tests. */
export class EventLog {
  readonly #entries: LoggedEvent[] = [];

  constructor(readonly capacity: number) {}

  /** Records an event, forgetting the oldest once `capacity` is reached. */
  add(entry: LoggedEvent): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.capacity) this.#entries.shift();
  }

  /** A snapshot: later deliveries do not change what was returned. */
  list(): LoggedEvent[] {
    return this.#entries.map((entry) => ({
      ...entry,
      deliveries: entry.deliveries.map((delivery) => ({ ...delivery })),
    }));
  }
}
