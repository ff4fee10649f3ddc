/**
 * The table access a service's role gets, for the templates that write its IAM policy. Each
 * service touches only items whose partition key starts with its own name (docs/decisions/0004),
 * enforced with a `dynamodb:LeadingKeys` condition.
 */

/** What a service may do with its own items (`<service>#…` keys), on the table and its index. */
export const SERVICE_ITEM_ACTIONS: readonly string[] = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * What `readsFrom` grants on another service's keys: existence checks and reads by key, one
 * (GetItem) or batched (BatchGetItem, what DataLoader-style resolution sends; e.g. products
 * reading analytics' rating totals for a whole list in one call).
 */
export const SERVICE_READ_ACTIONS: readonly string[] = [
  'dynamodb:GetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchGetItem',
];

/** The IAM condition limiting a statement to items whose partition key starts `<service>#`. */
export function leadingKeysCondition(service: string): Record<string, Record<string, string[]>> {
  return { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${service}#*`] } };
}
