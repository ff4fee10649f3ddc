import {
  GetQueueUrlCommand,
  SendMessageCommand,
  SQSClient,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import { parseArn, type AwsPlace } from './arns.js';
import type { LambdaInvoke, QueueRef, RuleTarget } from './RuleTarget.js';
import { targetPayload } from './targetPayload.js';

/** How the bus reaches SQS (fauxqs locally). */
export interface SqsConnection {
  /** Defaults to the SDK's own settings, i.e. `AWS_ENDPOINT_URL_SQS`. */
  readonly endpoint?: string;
  readonly region?: string;
  /** Defaults to dummy keys: emulators check the signature's shape, not the secret. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Options of `TargetSender`. */
export interface TargetSenderOptions {
  readonly place: AwsPlace;
  readonly sqs?: SqsConnection;
  /** Finds the in-process handler of a function a PutTargets ARN names. */
  readonly resolveLambda?: (functionArn: string) => LambdaInvoke | undefined;
}

/** A failed delivery; `retriable: false` skips the retry policy and goes straight to the DLQ. */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retriable: boolean,
  ) {
    super(message);
    this.name = code;
  }
}

/** What the DLQ message says about a delivery that failed for good. */
export interface DeadLetter {
  readonly event: object;
  readonly ruleArn: string;
  readonly error: { readonly code: string; readonly message: string };
  /** `MaximumRetryAttempts` or `MaximumEventAgeInSeconds`; absent when the error was not retried. */
  readonly exhaustedRetryCondition?: string;
  readonly retryAttempts: number;
}

/** SQS answers these when a queue does not exist; AWS sends such events to the DLQ untried. */
const MISSING_QUEUE = new Set(['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue']);

/** Sends events to targets and failed events to dead-letter queues. */
export class TargetSender {
  #sqs: SQSClient | undefined;
  readonly #queueUrls = new Map<string, string>();

  constructor(private readonly options: TargetSenderOptions) {}

  /** Delivers one event to one target; throws `DeliveryError` when it fails. */
  async deliver(target: RuleTarget, event: object): Promise<void> {
    const payload = targetPayload(target, event);
    const destination = target.destination;
    switch (destination.kind) {
      case 'lambda':
        return invoke(destination.invoke, payload);
      case 'lambda-arn': {
        const handler = this.options.resolveLambda?.(destination.functionArn);
        if (!handler)
          throw new DeliveryError(
            'ResourceNotFoundException',
            `Function not found: ${destination.functionArn}`,
            false,
          );
        return invoke(handler, payload);
      }
      case 'sqs':
        return this.#send(destination.queue, { MessageBody: payload });
    }
  }

  /**
   * Sends a failed event to the target's DLQ: the event as body, and the attributes AWS
   * documents (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html).
   */
  async deadLetter(target: RuleTarget, letter: DeadLetter): Promise<void> {
    if (!target.deadLetterQueue) throw new Error(`Target ${target.id} has no dead-letter queue.`);
    const text = (value: string): MessageAttributeValue => ({
      DataType: 'String',
      // SQS refuses empty attribute values.
      StringValue: value === '' ? '(empty)' : value.slice(0, 1024),
    });
    await this.#send(target.deadLetterQueue, {
      MessageBody: JSON.stringify(letter.event),
      MessageAttributes: {
        RULE_ARN: text(letter.ruleArn),
        TARGET_ARN: text(target.arn),
        ERROR_CODE: text(letter.error.code),
        ERROR_MESSAGE: text(letter.error.message),
        RETRY_ATTEMPTS: { DataType: 'Number', StringValue: String(letter.retryAttempts) },
        ...(letter.exhaustedRetryCondition
          ? { EXHAUSTED_RETRY_CONDITION: text(letter.exhaustedRetryCondition) }
          : {}),
      },
    });
  }

  /** Releases the SQS client's sockets. */
  close(): void {
    this.#sqs?.destroy();
    this.#sqs = undefined;
  }

  async #send(
    queue: QueueRef,
    message: { MessageBody: string; MessageAttributes?: Record<string, MessageAttributeValue> },
  ): Promise<void> {
    try {
      const QueueUrl = await this.#queueUrl(queue);
      await this.#client().send(new SendMessageCommand({ QueueUrl, ...message }));
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const { name, message: text } = error as Error;
      throw new DeliveryError(name, text, !MISSING_QUEUE.has(name));
    }
  }

  async #queueUrl(queue: QueueRef): Promise<string> {
    if ('url' in queue) return queue.url;
    const known = this.#queueUrls.get(queue.arn);
    if (known) return known;
    const resource = parseArn(queue.arn)?.resource;
    if (!resource)
      throw new DeliveryError('ResourceNotFoundException', `Not a queue ARN: ${queue.arn}`, false);
    const { QueueUrl } = await this.#client().send(new GetQueueUrlCommand({ QueueName: resource }));
    if (!QueueUrl)
      throw new DeliveryError('ResourceNotFoundException', `No URL for ${queue.arn}`, false);
    this.#queueUrls.set(queue.arn, QueueUrl);
    return QueueUrl;
  }

  // Created on first use, so a bus without SQS targets never builds a client.
  #client(): SQSClient {
    this.#sqs ??= new SQSClient({
      region: this.options.sqs?.region ?? this.options.place.region,
      endpoint: this.options.sqs?.endpoint,
      credentials: this.options.sqs?.credentials ?? {
        accessKeyId: 'local',
        secretAccessKey: 'local',
      },
      // The target's retry policy decides about retries, not the SDK.
      maxAttempts: 1,
    });
    return this.#sqs;
  }
}

async function invoke(handler: LambdaInvoke, payload: string): Promise<void> {
  try {
    await handler(JSON.parse(payload));
  } catch (error) {
    const { name, message } =
      error instanceof Error ? error : { name: 'Error', message: String(error) };
    throw new DeliveryError(name, message, true);
  }
}
