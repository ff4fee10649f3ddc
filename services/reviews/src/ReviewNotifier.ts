import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MetricUnit, reviewPostedMessage, serviceMetrics } from '@stack/kit';
import type { BaseContext } from '@stack/kit';
import type { ReviewRecord } from './ReviewRecord.js';

/** The metric counted when a ReviewPosted message could not be sent. */
export const SEND_FAILED_METRIC = 'ReviewPostedSendFailed';

/** Tells the notifications worker about new reviews through its SQS queue. */
export class ReviewNotifier {
  constructor(
    private readonly sqs: SQSClient,
    /** The notifications queue; undefined when this environment sends no notifications. */
    private readonly queueUrl: string | undefined,
  ) {}

  /**
   * Sends ReviewPosted for a review that is already saved. Never throws: a failed send is logged
   * as an error and counted as the ReviewPostedSendFailed metric, and the mutation succeeds.
   * Why not fail the mutation: the review is committed, so an error would tell the author it was
   * not, and their retry would post it twice; the email is a courtesy to the product owner, the
   * review is the user's work. The SDK already retried the send; the error log and the metric
   * make a lost notification visible (alarm on the metric). An outbox (the table stream's
   * ReviewCreated event) would make it durable, at the cost of another hop for every review.
   */
  async reviewPosted(review: ReviewRecord, logger: BaseContext['logger']): Promise<boolean> {
    if (this.queueUrl === undefined) return false;
    try {
      await this.sqs.send(
        new SendMessageCommand({
          QueueUrl: this.queueUrl,
          MessageBody: JSON.stringify(reviewPostedMessage(review)),
          MessageAttributes: { type: { DataType: 'String', StringValue: 'ReviewPosted' } },
        }),
      );
      return true;
    } catch (error) {
      logger.error('ReviewPosted not sent: the review is saved, its owner gets no notification', {
        reviewId: review.id,
        queueUrl: this.queueUrl,
        error: error as Error,
      });
      serviceMetrics('reviews').addMetric(SEND_FAILED_METRIC, MetricUnit.Count, 1);
      return false;
    }
  }
}
