import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  createQueueWorker,
  documentClient,
  InvalidMessageError,
  isReviewPosted,
  parseReviewPosted,
  serviceLogger,
  type QueueWorkerHandler,
} from '@stack/kit';
import { Directory } from './Directory.js';
import { EmailSender } from './EmailSender.js';
import { reviewPostedNotifier, SERVICE } from './notifyReviewPosted.js';
import { PushSender } from './PushSender.js';

export { SERVICE } from './notifyReviewPosted.js';

/** What the notifications worker needs from its environment. */
export interface WorkerConfig {
  readonly tableName: string;
  /** The From address of emails. */
  readonly mailFrom: string;
  /** The public web app's base URL, for links in emails. */
  readonly appUrl: string;
  /** Clients to use; default ones from the SDK's settings (endpoints from AWS_ENDPOINT_URL_*). */
  readonly ses?: SESv2Client;
  readonly sns?: SNSClient;
}

/**
 * The notifications worker: for each ReviewPosted message on its queue, emails the product's
 * owner and pushes to their devices. Any other message fails its record, so after
 * maxReceiveCount deliveries it waits in the DLQ for a look instead of vanishing.
 */
export function createWorker(config: WorkerConfig): QueueWorkerHandler {
  const notify = reviewPostedNotifier({
    tableName: config.tableName,
    directory: new Directory(documentClient(), config.tableName),
    email: new EmailSender(config.ses ?? new SESv2Client({}), config.mailFrom),
    push: new PushSender(config.sns ?? new SNSClient({})),
    appUrl: config.appUrl,
    logger: serviceLogger(SERVICE),
  });
  return createQueueWorker(
    async (message) => {
      if (message.kind !== 'message' || !isReviewPosted(message.body)) {
        throw new InvalidMessageError(
          `notifications handles ReviewPosted messages only; got ${message.kind === 'event' ? `event ${message.detailType}` : 'a message without type "ReviewPosted"'}`,
        );
      }
      // A ReviewPosted that breaks its contract throws EventContractError: the record fails
      // and, after maxReceiveCount deliveries, waits in the DLQ.
      await notify(parseReviewPosted(message.body));
    },
    { serviceName: SERVICE },
  );
}
