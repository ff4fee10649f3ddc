import { PRODUCT_CREATED } from './productEvents.js';
import { REVIEW_CREATED, REVIEW_DELETED } from './reviewEvents.js';
import { USER_CREATED, USER_UPDATED } from './userEvents.js';

/** Every table change event with a contract, for the publisher and docs/events.md. */
export const TABLE_CHANGE_CONTRACTS = [
  REVIEW_CREATED,
  REVIEW_DELETED,
  PRODUCT_CREATED,
  USER_CREATED,
  USER_UPDATED,
] as const;

/**
 * The version the publisher stamps in `detail.version`: the contract's, or 1 for an event
 * without a contract (a service's internal index items; not for other services to consume).
 */
export function eventVersionOf(source: string, detailType: string): number {
  return (
    TABLE_CHANGE_CONTRACTS.find((contract) => contract.matches({ source, detailType }))?.version ??
    1
  );
}
