import { eventSourceOf, TABLE_CHANGES, tableChangeDetailType, type TableChange } from '@stack/kit';
import type { EventPattern } from 'aws-cdk-lib/aws-events';

/** Which table changes a rule wants. */
export interface TableChangeFilter {
  /** The owning service: events with `source: stack.<service>`. */
  readonly service: string;
  /** Narrows to one entity (`Review`): `detail-type` `<Entity><Change>`. Default: every entity. */
  readonly entity?: string;
  /** The changes to match. Default: all three. */
  readonly changes?: readonly TableChange[];
}

const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;
const ENTITY_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The EventBridge pattern of a rule that wants some changes of some service's items, as the
 * table-change publisher names them (`TableChangeDetail` in `@stack/kit`): by `source` and
 * `detail-type` when the entity is known, by `source` and `detail.change` when not.
 */
export function tableChangePattern(filter: TableChangeFilter): EventPattern {
  const changes = filter.changes ?? TABLE_CHANGES;
  if (changes.length === 0) throw new Error('tableChangePattern: changes lists no change');
  if (!SERVICE_NAME.test(filter.service)) {
    throw new Error(
      `tableChangePattern: "${filter.service}" is not a service name (lowercase letters, digits, hyphens)`,
    );
  }
  const source = [eventSourceOf(filter.service)];
  if (filter.entity !== undefined) {
    if (!ENTITY_NAME.test(filter.entity)) {
      throw new Error(
        `tableChangePattern: "${filter.entity}" is not an entity name (PascalCase letters and digits)`,
      );
    }
    const entity = filter.entity;
    return { source, detailType: changes.map((change) => tableChangeDetailType(entity, change)) };
  }
  return changes.length === TABLE_CHANGES.length
    ? { source }
    : { source, detail: { change: [...changes] } };
}
