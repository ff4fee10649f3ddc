/**
 * Where a service's idempotency records live in the single table. Powertools' DynamoDB layer
 * with a sort key keeps every record under one static partition key; that key starts with the
 * service's name so the role's `dynamodb:LeadingKeys` condition (`<service>#*`) allows it, and
 * its entity part starts with `_`, which marks service-private bookkeeping that the
 * table-change publisher never puts on the bus (see `isPrivateItemKey`). One partition per
 * service caps it near 500 keys/s (1,000 writes/s per partition, 2 writes per key), far above
 * what a worker's queue delivers.
 */
export function idempotencyPartitionKey(service: string): string {
  return `${service}#_Idempotency`;
}
