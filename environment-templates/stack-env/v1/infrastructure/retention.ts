import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** RETAIN when the environment keeps its data (`retainData`), DESTROY for disposable ones. */
export function removalPolicyFor(retainData: boolean): RemovalPolicy {
  return retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

// RetentionDays' values are the day counts CloudWatch Logs accepts, the same list as the
// schema's logRetentionDays enum. INFINITE is left out on purpose: logs kept forever are a cost
// that only grows.
const ACCEPTED_DAYS = new Set<number>(
  Object.values(RetentionDays).filter(
    (value): value is number => typeof value === 'number' && value !== RetentionDays.INFINITE,
  ),
);

/**
 * The CloudWatch Logs retention for `logRetentionDays`. Throws on a count CloudWatch does not
 * accept, which the schema already refuses; this guards callers that bypass the schema.
 */
export function logRetention(days: number): RetentionDays {
  if (!ACCEPTED_DAYS.has(days)) {
    throw new Error(
      `logRetentionDays ${days} is not a retention CloudWatch Logs accepts; use one of ${[...ACCEPTED_DAYS].join(', ')}`,
    );
  }
  return days;
}
