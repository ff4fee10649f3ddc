import type { BaseContext } from '@stack/kit';
import type { ReviewNotifier } from './ReviewNotifier.js';
import type { ReviewsRepository } from './ReviewsRepository.js';

/** The per-request context of the reviews subgraph. */
export interface ReviewsContext extends BaseContext {
  readonly reviews: ReviewsRepository;
  readonly notifier: ReviewNotifier;
}
