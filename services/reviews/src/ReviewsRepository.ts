import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  encodeCursor,
  entityKey,
  entityLoader,
  notFound,
  queryPage,
  timeOrderedKey,
  transactWrite,
  TransactionCancelledError,
  type Page,
} from '@stack/kit';
import { randomUUID } from 'node:crypto';
import {
  authorReviewsPartition,
  productReviewsPartition,
  RECENT_INDEX_ENTITY,
  RECENT_INDEX_SIZE,
  recentIndexFromItem,
  REVIEW_ENTITY,
  reviewFromItem,
  reviewItem,
  SERVICE,
  type RecentIndex,
  type ReviewRecord,
} from './ReviewRecord.js';

/**
 * The products service's key of a product. Reviews checks that a product exists inside its
 * write transaction; its role is granted ConditionCheckItem on these keys and nothing else
 * of products (see service.yaml `readsFrom`).
 */
const productKey = (productId: string) => entityKey('products', 'Product', productId);

/** Table access of the reviews service. One instance per request: its loaders cache. */
export class ReviewsRepository {
  private readonly reviews;
  private readonly recent;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.reviews = entityLoader({
      client,
      tableName,
      service: SERVICE,
      entity: REVIEW_ENTITY,
      fromItem: reviewFromItem,
    });
    this.recent = entityLoader({
      client,
      tableName,
      service: SERVICE,
      entity: RECENT_INDEX_ENTITY,
      fromItem: recentIndexFromItem,
    });
  }

  /** A review by id (batched). */
  async get(id: string): Promise<ReviewRecord | undefined> {
    return this.reviews.load(id);
  }

  /**
   * The newest `first` reviews of a product. Served from the product's recent index, so the
   * first pages of N products cost two batched reads in all, whatever N is; deeper pages
   * (`after`, or more than the index holds) page through the GSI.
   */
  async listForProduct(
    productId: string,
    first: number,
    after?: string | null,
  ): Promise<{ reviews: ReviewRecord[]; cursors: string[]; hasNextPage: boolean }> {
    if (!after && first <= RECENT_INDEX_SIZE) {
      const index = await this.recent.load(productId);
      const ids = index?.reviewIds ?? [];
      const total = index?.reviewCount ?? 0;
      // After deletions the index may hold fewer ids than exist: then it cannot answer alone.
      if (ids.length >= Math.min(first, total)) {
        const reviews = (await this.reviews.loadMany(ids.slice(0, first))).filter(isReview);
        return { reviews, cursors: reviews.map(reviewCursor), hasNextPage: total > reviews.length };
      }
    }
    return this.fromPage(
      await queryPage({
        client: this.client,
        tableName: this.tableName,
        index: 'gsi1',
        partition: productReviewsPartition(productId),
        first,
        after,
      }),
    );
  }

  /** The newest reviews by one author: a Query of the author's pointers, then one batch read. */
  async listForAuthor(
    authorId: string,
    first: number,
    after?: string | null,
  ): Promise<{ reviews: ReviewRecord[]; cursors: string[]; hasNextPage: boolean }> {
    const page = await queryPage({
      client: this.client,
      tableName: this.tableName,
      index: 'table',
      partition: authorReviewsPartition(authorId),
      first,
      after,
    });
    const reviews = await this.reviews.loadMany(page.items.map((item) => String(item.reviewId)));
    const kept = reviews
      .map((review, index) => ({ review, cursor: page.cursors[index] ?? '' }))
      .filter((entry): entry is { review: ReviewRecord; cursor: string } => isReview(entry.review));
    return {
      reviews: kept.map((entry) => entry.review),
      cursors: kept.map((entry) => entry.cursor),
      hasNextPage: page.hasNextPage,
    };
  }

  /**
   * Stores a review atomically with its author pointer and the product's recent index, and
   * only if the product exists (NOT_FOUND otherwise, with nothing written).
   */
  async create(input: {
    productId: string;
    authorId: string;
    rating: number;
    body: string;
    id?: string;
    createdAt?: string;
  }): Promise<ReviewRecord> {
    const review: ReviewRecord = {
      id: input.id ?? randomUUID(),
      productId: input.productId,
      authorId: input.authorId,
      rating: input.rating,
      body: input.body,
      createdAt: input.createdAt ?? new Date().toISOString(),
    };
    try {
      await transactWrite(this.client, [
        {
          ConditionCheck: {
            TableName: this.tableName,
            Key: productKey(review.productId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: reviewItem(review),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: {
              pk: authorReviewsPartition(review.authorId),
              sk: timeOrderedKey(review.createdAt, review.id),
              reviewId: review.id,
            },
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: entityKey(SERVICE, RECENT_INDEX_ENTITY, review.productId),
            UpdateExpression:
              'SET productId = :productId, reviewIds = list_append(:id, if_not_exists(reviewIds, :empty)) ADD reviewCount :one',
            ExpressionAttributeValues: {
              ':productId': review.productId,
              ':id': [review.id],
              ':empty': [],
              ':one': 1,
            },
          },
        },
      ]);
    } catch (error) {
      if (error instanceof TransactionCancelledError && error.failedCondition(0))
        throw notFound('Product', review.productId);
      throw error;
    }
    this.reviews.prime(review.id, review);
    this.recent.clear(review.productId);
    await this.trimRecentIndex(review.productId);
    return review;
  }

  /** Deletes a review with its author pointer and its place in the product's recent index. */
  async delete(review: ReviewRecord): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const index = await this.readRecentIndex(review.productId);
      const position = index?.reviewIds.indexOf(review.id) ?? -1;
      try {
        await transactWrite(this.client, [
          {
            Delete: {
              TableName: this.tableName,
              Key: entityKey(SERVICE, REVIEW_ENTITY, review.id),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            Delete: {
              TableName: this.tableName,
              Key: {
                pk: authorReviewsPartition(review.authorId),
                sk: timeOrderedKey(review.createdAt, review.id),
              },
            },
          },
          {
            Update: {
              TableName: this.tableName,
              Key: entityKey(SERVICE, RECENT_INDEX_ENTITY, review.productId),
              UpdateExpression:
                position >= 0
                  ? `REMOVE reviewIds[${position}] ADD reviewCount :minusOne`
                  : 'ADD reviewCount :minusOne',
              ExpressionAttributeValues: {
                ':minusOne': -1,
                ...(position >= 0 ? { ':id': review.id } : {}),
              },
              // The list may have shifted since we read it: then re-read and try again.
              ConditionExpression:
                position >= 0 ? `reviewIds[${position}] = :id` : 'attribute_exists(pk)',
            },
          },
        ]);
        break;
      } catch (error) {
        if (!(error instanceof TransactionCancelledError)) throw error;
        if (error.failedCondition(0)) throw notFound('Review', review.id);
        if (!error.failedCondition(2) || attempt >= 5) throw error;
      }
    }
    this.reviews.clear(review.id);
    this.recent.clear(review.productId);
  }

  private async readRecentIndex(productId: string): Promise<RecentIndex | undefined> {
    const output = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: entityKey(SERVICE, RECENT_INDEX_ENTITY, productId),
        ConsistentRead: true,
      }),
    );
    return output.Item ? recentIndexFromItem(output.Item) : undefined;
  }

  /**
   * Keeps the recent index bounded. Appending inside the write transaction cannot also trim
   * (one update may not SET and REMOVE overlapping paths), so trimming is a follow-up write
   * that only applies if the list did not change in between; a lost race is harmless, the
   * next write trims.
   */
  private async trimRecentIndex(productId: string): Promise<void> {
    const index = await this.readRecentIndex(productId);
    if (!index || index.reviewIds.length <= RECENT_INDEX_SIZE + 10) return;
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entityKey(SERVICE, RECENT_INDEX_ENTITY, productId),
          UpdateExpression: 'SET reviewIds = :trimmed',
          ConditionExpression: 'size(reviewIds) = :length',
          ExpressionAttributeValues: {
            ':trimmed': index.reviewIds.slice(0, RECENT_INDEX_SIZE),
            ':length': index.reviewIds.length,
          },
        }),
      )
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      });
  }

  private fromPage(page: Page) {
    const reviews = page.items.map(reviewFromItem);
    for (const review of reviews) this.reviews.prime(review.id, review);
    return { reviews, cursors: [...page.cursors], hasNextPage: page.hasNextPage };
  }
}

function isReview(value: ReviewRecord | Error | undefined): value is ReviewRecord {
  return value !== undefined && !(value instanceof Error);
}

/** The GSI cursor of a review, so a page served from the index continues through the GSI. */
function reviewCursor(review: ReviewRecord): string {
  const item = reviewItem(review);
  return encodeCursor({ pk: item.pk, sk: item.sk, gsi1pk: item.gsi1pk, gsi1sk: item.gsi1sk });
}
