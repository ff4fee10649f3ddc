import { TABLE_SCHEMA } from '@stack/kit';
import type { EventPattern } from 'aws-cdk-lib/aws-events';

/**
 * `source` and `detail-type` of every event `TableStreamPipe` puts on the bus. The event's
 * `detail` is the DynamoDB stream record unchanged (`eventName`, `dynamodb.Keys`, `NewImage`,
 * `OldImage`, …). See docs/environment-template.md for why the Pipe cannot compute
 * `stack.<service>` / `<Entity><Change>` itself.
 */
export const TABLE_CHANGE_EVENT = {
  /** `source` of table change events. */
  source: 'stack.table',
  /** `detail-type` of table change events. */
  detailType: 'TableItemChanged',
} as const;

/** What happened to an item. */
export type TableChange = 'Created' | 'Updated' | 'Deleted';

// The stream record's eventName for each change.
const STREAM_EVENT_NAMES: Readonly<Record<TableChange, string>> = {
  Created: 'INSERT',
  Updated: 'MODIFY',
  Deleted: 'REMOVE',
};

/** Which table changes a rule wants. */
export interface TableChangeFilter {
  /** The owning service: matches items whose `pk` starts with `<service>#`. */
  readonly service: string;
  /** Narrows to one entity: `pk` starts with `<service>#<entity>#`. Default: every entity. */
  readonly entity?: string;
  /** The changes to match. Default: all three. */
  readonly changes?: readonly TableChange[];
}

/**
 * The EventBridge pattern of a rule that wants some changes of some service's items: a prefix
 * match on the item's `pk` (every key starts with its service's name, docs/decisions/0004) and
 * a match on the stream's `eventName`.
 */
export function tableChangePattern(filter: TableChangeFilter): EventPattern {
  const changes = filter.changes ?? (['Created', 'Updated', 'Deleted'] as const);
  if (changes.length === 0) throw new Error('tableChangePattern: changes lists no change');
  for (const name of [filter.service, filter.entity]) {
    if (name !== undefined && !/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) {
      throw new Error(
        `tableChangePattern: "${name}" is not a service or entity name (letters, digits, hyphens)`,
      );
    }
  }
  const prefix = filter.entity ? `${filter.service}#${filter.entity}#` : `${filter.service}#`;
  return {
    source: [TABLE_CHANGE_EVENT.source],
    detailType: [TABLE_CHANGE_EVENT.detailType],
    detail: {
      eventName: changes.map((change) => STREAM_EVENT_NAMES[change]),
      dynamodb: { Keys: { [TABLE_SCHEMA.partitionKey]: { S: [{ prefix }] } } },
    },
  };
}
