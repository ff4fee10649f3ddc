import {
  eventSourceOf,
  leadingKeysCondition,
  SERVICE_ITEM_ACTIONS,
  SERVICE_READ_ACTIONS,
  TABLE_SCHEMA,
} from '@stack/kit';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';

/** What a service instance's role may reach on the environment's table and bus. */
export interface ServiceRoleAccess {
  /** The service's name: its key prefix and event source. */
  readonly service: string;
  /** The table's ARN (from the environment's SSM parameter). */
  readonly tableArn: string;
  /** Services whose items it may read by key (existence checks). */
  readonly readsFrom?: readonly string[];
  /** The bus's ARN, when the service puts events. */
  readonly eventBusArn?: string;
}

/**
 * Grants a service's role exactly what every service template gives its instances: its own
 * items (`<service>#` keys, on the table and its one index by name; `ForAllValues` fails a
 * request with any other key), read-by-key on the items of the services it reads from, and
 * PutEvents only with `source: stack.<service>`. No wildcard resource, no `dynamodb:*`.
 */
export function grantServiceAccess(role: IRole, access: ServiceRoleAccess): void {
  const { service, tableArn } = access;
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'OwnItems',
      actions: [...SERVICE_ITEM_ACTIONS],
      resources: [tableArn, `${tableArn}/index/${TABLE_SCHEMA.gsi1.indexName}`],
      conditions: leadingKeysCondition(service),
    }),
  );
  for (const other of access.readsFrom ?? []) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: `ReadItemsOf${other.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase())}`,
        actions: [...SERVICE_READ_ACTIONS],
        resources: [tableArn],
        conditions: leadingKeysCondition(other),
      }),
    );
  }
  if (access.eventBusArn !== undefined) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'PutOwnEvents',
        actions: ['events:PutEvents'],
        resources: [access.eventBusArn],
        conditions: { StringEquals: { 'events:source': eventSourceOf(service) } },
      }),
    );
  }
}
