import { Duration } from 'aws-cdk-lib';

// AWS recommends a visibility timeout of at least six times the function's timeout plus the
// batching window (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html):
// a batch that is retried after a throttle must not reappear while it still runs.
const TIMEOUT_FACTOR = 6;

/**
 * The visibility timeout of a worker's queue for a function timeout and batching window, in
 * seconds. With the schema's maxima (900 s, 300 s) it stays far below SQS's 12 hours.
 */
export function queueVisibilityTimeout(
  timeoutSeconds: number,
  maxBatchingWindowSeconds: number,
): Duration {
  return Duration.seconds(TIMEOUT_FACTOR * timeoutSeconds + maxBatchingWindowSeconds);
}
