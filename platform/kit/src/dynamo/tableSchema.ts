/**
 * The single-table layout every environment's table has (see docs/decisions/0004). The
 * environment template creates the table from these names; services build keys with
 * `entityKey` so each item's `pk` starts with the owning service's name.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  timeToLive: 'expiresAt',
} as const;
