/**
 * Names of the SSM parameters a worker instance publishes, under its environment's namespace
 * (`/stack/<stage>/…`, where ENVIRONMENT_PARAMETERS of stack-env@1 lives): other services read
 * them to send to the worker's queue, by name rather than through CloudFormation exports, which
 * would block updates of the worker's stack.
 */
export function workerParameters(stageName: string, serviceName: string) {
  const prefix = `/stack/${stageName}/services/${serviceName}`;
  return {
    /** URL of the worker's queue (what SendMessage takes). */
    queueUrl: `${prefix}/queue-url`,
    /** ARN of the worker's queue (what a sender's IAM policy names). */
    queueArn: `${prefix}/queue-arn`,
  } as const;
}
