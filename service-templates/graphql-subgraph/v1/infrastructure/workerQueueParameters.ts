/**
 * Names of the SSM parameters an event-worker@1 instance publishes for its queue
 * (`/stack/<stage>/services/<worker>/queue-url` and `…/queue-arn`). The names are the contract
 * between the two templates; they are repeated here rather than imported so a template depends
 * on no other template's code.
 */
export function workerQueueParameters(stageName: string, workerName: string) {
  const prefix = `/stack/${stageName}/services/${workerName}`;
  return { queueUrl: `${prefix}/queue-url`, queueArn: `${prefix}/queue-arn` } as const;
}
