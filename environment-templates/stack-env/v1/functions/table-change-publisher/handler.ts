import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  publishTableChanges,
  readEnvironment,
  serviceLogger,
  text,
  type PublishOutcome,
} from '@stack/kit';
import type { DynamoDBRecord } from 'aws-lambda';

const environment = readEnvironment({
  EVENT_BUS_NAME: { doc: 'name of the bus the table changes go to', parse: text() },
});
const client = new EventBridgeClient({});
const logger = serviceLogger('table-change-publisher');

/**
 * Target of the table-stream Pipe: receives a batch of DynamoDB stream records and puts one
 * `<Entity><Change>` event per record on the bus, with `source: stack.<service>` and a
 * `TableChangeDetail` stamped with its contract's `version` (docs/events.md); changes of a
 * service's private `<service>#_…` items are left out. A refused
 * entry fails the whole batch, which the Pipe retries (halving it first) and finally sends to
 * its dead-letter queue.
 */
export async function handler(records: readonly DynamoDBRecord[]): Promise<PublishOutcome> {
  const outcome = await publishTableChanges(records, {
    client,
    eventBusName: environment.EVENT_BUS_NAME,
  });
  if (outcome.skipped > 0) {
    logger.warn('records outside the <service>#<Entity># key convention were not published', {
      skipped: outcome.skipped,
    });
  }
  return outcome;
}
