import {
  createQueueWorker,
  documentClient,
  REVIEW_CREATED,
  REVIEW_DELETED,
  serviceLogger,
  type QueueMessage,
} from '@stack/kit';
import { applyRatingChange, type RatingChange } from './applyRatingChange.js';
import { SERVICE } from './ProductRatingRecord.js';

export { SERVICE } from './ProductRatingRecord.js';

/** What the analytics worker needs from its environment. */
export interface WorkerConfig {
  readonly tableName: string;
}

/** A message the worker has no use for: it fails, and after its retries waits in the DLQ. */
export class UnexpectedMessageError extends Error {
  override readonly name = 'UnexpectedMessageError';
}

const logger = serviceLogger(SERVICE);

/**
 * The analytics worker: keeps each product's rating count and sum from ReviewCreated and
 * ReviewDeleted events (service.yaml routes only those here). Each event is parsed with its
 * contract from @stack/kit and applied once (see `applyRatingChange`).
 */
export function createWorker(config: WorkerConfig) {
  return createQueueWorker(
    async (message) => {
      const change = ratingChangeOf(message);
      const outcome = await applyRatingChange(documentClient(), config.tableName, change);
      if (outcome === 'duplicate') {
        logger.info('Event applied before; a repeated delivery changes nothing', {
          eventId: change.eventId,
        });
      }
    },
    { serviceName: SERVICE },
  );
}

/** The rating change an event stands for; throws for anything else. */
function ratingChangeOf(message: QueueMessage): RatingChange {
  if (message.kind === 'event' && REVIEW_CREATED.matches(message)) {
    const detail = REVIEW_CREATED.parse(message.detail);
    const { productId, rating } = detail.newImage;
    return { eventId: detail.eventId, productId, rating, direction: 1 };
  }
  if (message.kind === 'event' && REVIEW_DELETED.matches(message)) {
    const detail = REVIEW_DELETED.parse(message.detail);
    const { productId, rating } = detail.oldImage;
    return { eventId: detail.eventId, productId, rating, direction: -1 };
  }
  const what =
    message.kind === 'event' ? `event ${message.source} ${message.detailType}` : 'a direct message';
  throw new UnexpectedMessageError(
    `analytics takes ReviewCreated and ReviewDeleted from stack.reviews, not ${what}; fix the rule patterns in services/analytics/service.yaml or the sender`,
  );
}
