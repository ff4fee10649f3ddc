import { Duration } from 'aws-cdk-lib';

// Slack on top of the longest a failing message can legitimately stay: one alarm period.
const SLACK = Duration.minutes(5);

/**
 * How old the oldest message of a worker's queue may get before its age alarm fires: the time
 * a message that keeps failing needs to reach the DLQ (visibility timeout × maxReceiveCount)
 * plus 5 minutes, rounded up to whole minutes. Older than that, nothing is consuming the queue (a disabled mapping, a
 * throttled function) and messages will expire after 4 days without reaching the DLQ.
 */
export function queueAgeThreshold(visibilityTimeout: Duration, maxReceiveCount: number): Duration {
  const seconds = visibilityTimeout.toSeconds() * maxReceiveCount + SLACK.toSeconds();
  return Duration.minutes(Math.ceil(seconds / 60));
}
