import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryRecord } from './EventLog.js';
import type { RuleTarget } from './RuleTarget.js';
import { DeliveryError, type TargetSender } from './TargetSender.js';

/** How failed deliveries are retried locally. */
export interface RetrySettings {
  /**
   * Retries after the first attempt. AWS defaults to 185 over 24 hours; locally this is also
   * the ceiling for a target's own `MaximumRetryAttempts`, so a template's 185 stays quick.
   */
  readonly maximumRetryAttempts: number;
  /** The first backoff; each retry doubles it, with jitter, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** One event on its way to one target. */
export interface DeliveryJob {
  readonly ruleArn: string;
  readonly target: RuleTarget;
  readonly event: object;
  /** Updated as the delivery progresses; it is what the event log shows. */
  readonly record: DeliveryRecord;
}

/** AWS's default for `MaximumEventAgeInSeconds`: 24 hours. */
const DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 86_400;

/**
 * Runs deliveries in the background, as EventBridge does after PutEvents answers: retries a
 * failure with exponential backoff and jitter until the retry policy is exhausted, then sends
 * the event to the target's DLQ or drops it
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html).
 */
export class DeliveryQueue {
  readonly #inFlight = new Set<Promise<void>>();
  readonly #closing = new AbortController();

  constructor(
    private readonly sender: TargetSender,
    private readonly retry: RetrySettings,
  ) {}

  /** Starts a delivery; it begins on a later turn of the event loop. */
  enqueue(job: DeliveryJob): void {
    const run = this.#run(job).finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  /** Resolves once no delivery is pending, including ones enqueued while waiting. */
  async drained(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /** Stops retrying (pending retries end as dropped) and waits for running attempts. */
  async close(): Promise<void> {
    this.#closing.abort();
    await this.drained();
  }

  async #run(job: DeliveryJob): Promise<void> {
    await nextTurn();
    const { target, record } = job;
    const maximumRetries = Math.min(
      target.maximumRetryAttempts ?? Number.POSITIVE_INFINITY,
      this.retry.maximumRetryAttempts,
    );
    const deadline =
      Date.now() + (target.maximumEventAgeSeconds ?? DEFAULT_MAXIMUM_EVENT_AGE_SECONDS) * 1000;
    for (let retries = 0; ; retries += 1) {
      if (this.#closing.signal.aborted) {
        record.status = 'dropped';
        record.error ??= { code: 'Closed', message: 'The bus closed before delivery.' };
        return;
      }
      record.attempts = retries + 1;
      try {
        await this.sender.deliver(target, job.event);
        record.status = 'delivered';
        return;
      } catch (error) {
        const failure =
          error instanceof DeliveryError
            ? error
            : new DeliveryError('InternalException', (error as Error).message, true);
        record.error = { code: failure.code, message: failure.message };
        const delay = this.#backoff(retries);
        const retriesLeft = retries < maximumRetries;
        const timeLeft = Date.now() + delay <= deadline;
        if (failure.retriable && retriesLeft && timeLeft) {
          await sleep(delay, undefined, { signal: this.#closing.signal }).catch(() => undefined);
          continue;
        }
        // Some errors (a missing function or queue) go to the DLQ without retries, as in AWS;
        // their DLQ message names no exhausted condition.
        const exhausted = !failure.retriable
          ? undefined
          : retriesLeft
            ? 'MaximumEventAgeInSeconds'
            : 'MaximumRetryAttempts';
        return this.#giveUp(job, failure, exhausted, retries);
      }
    }
  }

  async #giveUp(
    job: DeliveryJob,
    failure: DeliveryError,
    exhaustedRetryCondition: string | undefined,
    retryAttempts: number,
  ): Promise<void> {
    const { target, record } = job;
    if (!target.deadLetterQueue) {
      record.status = 'dropped';
      return;
    }
    try {
      await this.sender.deadLetter(target, {
        event: job.event,
        ruleArn: job.ruleArn,
        error: { code: failure.code, message: failure.message },
        exhaustedRetryCondition,
        retryAttempts,
      });
      record.status = 'dead-lettered';
    } catch (error) {
      // AWS counts this as InvocationsFailedToBeSentToDLQ; the event is lost.
      record.status = 'dropped';
      record.error = {
        code: failure.code,
        message: `${failure.message} (and the DLQ refused it: ${(error as Error).message})`,
      };
    }
  }

  #backoff(retries: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** retries);
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }
}
