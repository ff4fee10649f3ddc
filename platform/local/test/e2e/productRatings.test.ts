import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { EventBridgeEvent } from 'aws-lambda';
import { LOCAL_EVENT_BUS_NAME, type LocalStage } from '../../src/index.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { startTestStage, type TestStage } from '../support/startTestStage.js';

// The analytics worker end to end on the local stage as `npm start` runs it: GraphQL
// mutations → table → stream → Pipe → publisher → bus → rule → analytics queue → worker →
// analytics' items → products' ratingCount/averageRating through the router.
jest.setTimeout(180_000);

const REVIEWS = 50;
// Ratings whose mean is not a whole number: 13 fives, then 1-4 in turn.
const ratingOf = (index: number) => (index < 13 ? 5 : (index % 4) + 1);

async function eventually<T>(check: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Product ratings on the local stage (analytics worker end to end)', () => {
  const captured: EventBridgeEvent<string, Record<string, unknown>>[] = [];
  let testStage: TestStage;
  let stage: LocalStage;
  let sqs: SQSClient;
  let productId: string;
  let reviewIds: string[];

  const graphql = async (query: string, variables: Record<string, unknown>, user?: string) => {
    const { status, body } = await postGraphQL(
      stage.manifest.api,
      { query, variables },
      user ? stage.manifest.tokens[user] : undefined,
    );
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    return body.data ?? {};
  };
  const ratings = async () =>
    (
      await graphql('query ($id: ID!) { product(id: $id) { ratingCount averageRating } }', {
        id: productId,
      })
    ).product as { ratingCount: number; averageRating: number | null };
  /** Waits until the analytics queue has nothing waiting or in flight. */
  const drained = () =>
    eventually(async () => {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: stage.manifest.queues['analytics']?.queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return Attributes.ApproximateNumberOfMessages === '0' &&
        Attributes.ApproximateNumberOfMessagesNotVisible === '0'
        ? true
        : undefined;
    });

  beforeAll(async () => {
    testStage = await startTestStage({ name: 'stack-ratings' });
    stage = testStage.stage;
    sqs = new SQSClient({ endpoint: stage.manifest.sqs });
    stage.eventBridge.addRule({
      name: 'test-capture-review-created',
      busName: LOCAL_EVENT_BUS_NAME,
      pattern: { source: ['stack.reviews'], 'detail-type': ['ReviewCreated'] },
      targets: [
        {
          kind: 'lambda',
          id: 'capture',
          invoke: (event) => {
            captured.push(event as EventBridgeEvent<string, Record<string, unknown>>);
            return Promise.resolve();
          },
        },
      ],
    });
    const created = await graphql(
      'mutation ($i: CreateProductInput!) { createProduct(input: $i) { id ratingCount averageRating } }',
      { i: { title: 'Ratings probe', description: 'e2e', priceCents: 100, currency: 'EUR' } },
      'ada',
    );
    const product = created.createProduct as {
      id: string;
      ratingCount: number;
      averageRating: null;
    };
    productId = product.id;
    expect(product).toMatchObject({ ratingCount: 0, averageRating: null });
  });

  afterAll(async () => {
    sqs?.destroy();
    await (testStage as TestStage | undefined)?.stop();
  });

  it('counts 50 concurrent signed-in reviews exactly', async () => {
    // Act
    const users = ['alice', 'bob', 'carol'];
    const created = await Promise.all(
      Array.from({ length: REVIEWS }, (_, index) =>
        graphql(
          'mutation ($p: ID!, $r: Int!) { createReview(productId: $p, rating: $r, body: "e2e") { id } }',
          { p: productId, r: ratingOf(index) },
          users[index % users.length],
        ),
      ),
    );
    reviewIds = created.map((data) => (data.createReview as { id: string }).id);

    // Assess
    const sum = Array.from({ length: REVIEWS }, (_, index) => ratingOf(index)).reduce(
      (total, rating) => total + rating,
      0,
    );
    const settled = await eventually(async () => {
      const now = await ratings();
      return now.ratingCount === REVIEWS ? now : undefined;
    });
    expect(settled).toEqual({ ratingCount: REVIEWS, averageRating: sum / REVIEWS });
    expect(settled.averageRating).not.toBe(Math.round(settled.averageRating ?? 0));
    await drained();
    expect(await ratings()).toEqual({ ratingCount: REVIEWS, averageRating: sum / REVIEWS });
  });

  it('counts an event delivered twice to the queue once', async () => {
    // Prepare: an event the worker already applied, and a new one (same envelope shape as the
    // bus delivers), each sent twice straight to the analytics queue.
    const before = await ratings();
    const applied = captured.find((event) => event.detail['id'] === reviewIds[0]);
    expect(applied).toBeDefined();
    const extra = {
      ...applied!,
      id: 'e2e-duplicate-envelope',
      detail: {
        ...applied!.detail,
        id: 'e2e-extra-review',
        eventId: 'e2e-extra-stream-record',
        newImage: {
          ...(applied!.detail.newImage as Record<string, unknown>),
          id: 'e2e-extra-review',
          rating: 1,
        },
      },
    };
    const send = (event: unknown) =>
      sqs.send(
        new SendMessageCommand({
          QueueUrl: stage.manifest.queues['analytics']?.queueUrl,
          MessageBody: JSON.stringify(event),
        }),
      );

    // Act
    await Promise.all([send(applied), send(applied), send(extra), send(extra)]);

    // Assess
    const after = await eventually(async () => {
      const now = await ratings();
      return now.ratingCount !== before.ratingCount ? now : undefined;
    });
    await drained();
    const settled = await ratings();
    const sum = (before.averageRating ?? 0) * before.ratingCount + 1;
    expect(after.ratingCount).toBe(REVIEWS + 1);
    expect(settled.ratingCount).toBe(REVIEWS + 1);
    expect(settled.averageRating).toBeCloseTo(sum / (REVIEWS + 1), 12);
  });

  it('takes a deleted review out of the count and the mean', async () => {
    // Prepare
    const before = await ratings();
    const sumBefore = (before.averageRating ?? 0) * before.ratingCount;

    // Act: the first review has rating 5.
    await graphql('mutation ($id: ID!) { deleteReview(id: $id) }', { id: reviewIds[0] }, 'alice');

    // Assess
    const after = await eventually(async () => {
      const now = await ratings();
      return now.ratingCount === before.ratingCount - 1 ? now : undefined;
    });
    expect(after.averageRating).toBeCloseTo((sumBefore - 5) / (before.ratingCount - 1), 12);
  });
});
