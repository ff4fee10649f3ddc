/** One event worker's queue and the dead-letter queue its redrive policy names. */
export interface WorkerQueues {
  /** The worker's service name (e.g. `notifications`): what `stack dlq redrive` takes. */
  readonly name: string;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
}

/** Where the queues are: the SQS endpoint (local only) and the workers' queues. */
export interface QueueSource {
  /** A human description, e.g. `.stack/dev.json` or `SSM /stack/integration/services/`. */
  readonly description: string;
  /** fauxqs's endpoint for the local stage; undefined = the SDK's own (the cloud). */
  readonly endpoint?: string;
  readonly workers: readonly WorkerQueues[];
}

/** Thrown for a command users can fix (unknown queue, no local stage); printed without a stack. */
export class DlqCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DlqCommandError';
  }
}
