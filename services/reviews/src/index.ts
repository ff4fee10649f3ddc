export { createReviewsSubgraph } from './subgraph.js';
export { ReviewsRepository } from './ReviewsRepository.js';
export type { ReviewRecord } from './ReviewRecord.js';
