import { SQSClient } from '@aws-sdk/client-sqs';
import { createSubgraph, documentClient, queueUrlVariable, type SubgraphConfig } from '@stack/kit';
import { typeDefs } from './__generated__/typeDefs.js';
import { ReviewNotifier } from './ReviewNotifier.js';
import { resolvers } from './resolvers.js';
import { SERVICE } from './ReviewRecord.js';
import type { ReviewsContext } from './ReviewsContext.js';
import { ReviewsRepository } from './ReviewsRepository.js';

/** Where reviews sends ReviewPosted; by default from the environment the template sets. */
export interface ReviewsSubgraphOptions {
  /** The notifications worker's queue (`sendsTo: [notifications]`); unset = no notifications. */
  readonly notificationsQueueUrl?: string | undefined;
  readonly sqs?: SQSClient;
}

/** Builds the reviews subgraph on the given table. */
export function createReviewsSubgraph(
  config: SubgraphConfig,
  options: ReviewsSubgraphOptions = {
    notificationsQueueUrl: process.env[queueUrlVariable('notifications')] || undefined,
  },
) {
  const notifier = new ReviewNotifier(
    // The endpoint the SDK resolves (AWS_ENDPOINT_URL_SQS locally), not the queue URL's host:
    // fauxqs's queue URLs name a host that is not its address.
    options.sqs ?? new SQSClient({ useQueueUrlAsEndpoint: false }),
    options.notificationsQueueUrl,
  );
  return createSubgraph<ReviewsContext>({
    name: SERVICE,
    typeDefs,
    resolvers,
    createContext: (base) => ({
      ...base,
      reviews: new ReviewsRepository(documentClient(), config.tableName),
      notifier,
    }),
  });
}
