import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, entityKey, type Identity } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { createReviewsSubgraph } from '../src/subgraph.js';

const alice: Identity = { userId: 'alice', username: 'alice', groups: [], anonymous: false };
const CREATE =
  'mutation($p: ID!, $r: Int!, $b: String!) { createReview(productId: $p, rating: $r, body: $b) { id } }';

// createReview → SendMessage on the notifications queue, against fauxqs's SQS.
describe('Subgraph: reviews sends ReviewPosted', () => {
  let fauxqs: FauxqsServer;
  let sqs: SQSClient;
  let tableName: string;
  let queueUrl: string;

  beforeAll(async () => {
    fauxqs = await startFauxqs({ port: 0, logger: false });
    sqs = new SQSClient({
      endpoint: fauxqs.address,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'notifications' }))).QueueUrl!;
    tableName = await createTestTable('reviews-posted');
    await documentClient().send(
      new PutCommand({
        TableName: tableName,
        Item: { ...entityKey('products', 'Product', 'p1'), id: 'p1' },
      }),
    );
  });

  afterAll(async () => {
    sqs.destroy();
    await fauxqs.stop();
  });

  const receiveAll = async (): Promise<Message[]> =>
    (
      await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          MessageAttributeNames: ['All'],
        }),
      )
    ).Messages ?? [];

  it('sends one ReviewPosted message per saved review', async () => {
    const subgraph = createReviewsSubgraph({ tableName }, { notificationsQueueUrl: queueUrl, sqs });
    const created = await subgraph.execute(
      { query: CREATE, variables: { p: 'p1', r: 5, b: 'Great' } },
      alice,
    );
    expect(created.body.errors).toBeUndefined();
    const id = (created.body.data?.createReview as { id: string }).id;

    const messages = await receiveAll();
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]!.Body!)).toMatchObject({
      type: 'ReviewPosted',
      version: 1,
      reviewId: id,
      productId: 'p1',
      authorId: 'alice',
      rating: 5,
      bodyExcerpt: 'Great',
    });
    expect(messages[0]!.MessageAttributes?.type?.StringValue).toBe('ReviewPosted');
  });

  it('sends nothing for a rejected review', async () => {
    const subgraph = createReviewsSubgraph({ tableName }, { notificationsQueueUrl: queueUrl, sqs });
    const refused = await subgraph.execute(
      { query: CREATE, variables: { p: 'nope', r: 5, b: 'x' } },
      alice,
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await receiveAll()).toHaveLength(0);
  });

  it('keeps the review when the send fails (logged and counted, not thrown)', async () => {
    const missing = `${fauxqs.address}/000000000000/no-such-queue`;
    const subgraph = createReviewsSubgraph({ tableName }, { notificationsQueueUrl: missing, sqs });
    const created = await subgraph.execute(
      { query: CREATE, variables: { p: 'p1', r: 3, b: 'Ok' } },
      alice,
    );
    expect(created.body.errors).toBeUndefined();
    const id = (created.body.data?.createReview as { id: string }).id;
    const stored = await subgraph.execute(
      { query: 'query($id: ID!) { review(id: $id) { id rating } }', variables: { id } },
      alice,
    );
    expect(stored.body).toEqual({ data: { review: { id, rating: 3 } } });
  });
});
