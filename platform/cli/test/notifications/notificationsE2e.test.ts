import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DEMO_PRODUCTS, type LocalStage } from '@stack/local';
import { startTestStage, type TestStage } from '@stack/local/testing';
import { runDlqList, runDlqRedrive } from '../../src/dlq/runDlq.js';

// One whole local stage (DynamoDB Local, fauxqs, SES emulator, EventBridge emulator, API).
jest.setTimeout(240_000);

/** The mail the SES emulator holds (`GET <viewer>/store`). */
interface StoredEmail {
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly html?: string; readonly text?: string };
}

async function eventually<T>(check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function graphql(
  url: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> };
}

const CREATE_REVIEW =
  'mutation($p: ID!, $b: String!) { createReview(productId: $p, rating: 4, body: $b) { id } }';
const OWNER_EMAIL = 'ada@example.com'; // the demo catalogue's owner (seedDemoData)

// Reviews → SQS → notifications worker → SES emulator, on the local stage as `npm start` runs it.
describe('notifications on the local stage', () => {
  let testStage: TestStage;
  let stage: LocalStage;
  let sqs: SQSClient;

  const emails = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(`${stage.manifest.mail}store`)).json()) as { emails: StoredEmail[] })
      .emails;
  const queues = () => {
    const notifications = stage.manifest.queues['notifications'];
    if (!notifications) throw new Error('the local stage runs no notifications worker');
    return notifications;
  };
  /** Waits until the queue holds nothing, visible or in flight: every delivery was handled. */
  const drained = (url: string) =>
    eventually(async () => {
      const attributes = (
        await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: [
              'ApproximateNumberOfMessages',
              'ApproximateNumberOfMessagesNotVisible',
            ],
          }),
        )
      ).Attributes;
      const left =
        Number(attributes?.ApproximateNumberOfMessages) +
        Number(attributes?.ApproximateNumberOfMessagesNotVisible);
      return left === 0 ? true : undefined;
    }, 60_000);
  const about = (reviewBody: string) => (email: StoredEmail) =>
    email.body.text?.includes(reviewBody) === true;

  beforeAll(async () => {
    testStage = await startTestStage({ name: 'stack-notifications-e2e' });
    stage = testStage.stage;
    sqs = new SQSClient({ endpoint: stage.manifest.sqs });
  });

  afterAll(async () => {
    sqs?.destroy();
    await (testStage as TestStage | undefined)?.stop();
  });

  it("emails the product's owner exactly once, even when ReviewPosted is delivered twice", async () => {
    const body = `Whistles nicely ${Date.now()}`;
    const created = await graphql(
      stage.manifest.api,
      stage.manifest.tokens['alice'],
      CREATE_REVIEW,
      {
        p: DEMO_PRODUCTS[0].id,
        b: body,
      },
    );
    expect(created.errors).toBeUndefined();
    const reviewId = (created.data?.['createReview'] as { id: string }).id;

    const email = await eventually(async () => (await emails()).find(about(body)));
    expect(email.destination.to).toEqual([OWNER_EMAIL]);
    expect(email.subject).toBe(`New 4-star review of ${DEMO_PRODUCTS[0].title}`);
    // APP_URL is the spec's ${environment.publicSiteUrl}: here, the local web app.
    expect(email.body.html).toContain(`href="${stage.manifest.web}/account#notifications"`);

    // The same ReviewPosted again, as an at-least-once delivery may bring it.
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queues().queueUrl,
        MessageBody: JSON.stringify({
          type: 'ReviewPosted',
          version: 1,
          reviewId,
          productId: DEMO_PRODUCTS[0].id,
          authorId: 'user-alice',
          rating: 4,
          bodyExcerpt: body,
          createdAt: new Date().toISOString(),
        }),
      }),
    );
    await drained(queues().queueUrl);
    expect((await emails()).filter(about(body))).toHaveLength(1);
  });

  it('sends no email to an owner who turned emailNotifications off', async () => {
    const off = await graphql(
      stage.manifest.api,
      stage.manifest.tokens['ada'],
      'mutation { updateMe(input: { emailNotifications: false }) { emailNotifications } }',
    );
    expect(off.data).toEqual({ updateMe: { emailNotifications: false } });
    const body = `Quiet please ${Date.now()}`;

    const created = await graphql(stage.manifest.api, stage.manifest.tokens['bob'], CREATE_REVIEW, {
      p: DEMO_PRODUCTS[1].id,
      b: body,
    });
    expect(created.errors).toBeUndefined();

    // Give the worker time to pick the message up, then wait until it has handled it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await drained(queues().queueUrl);
    expect((await emails()).filter(about(body))).toHaveLength(0);
  });

  it('moves an always-failing message to the DLQ after maxReceiveCount, and `stack dlq redrive` brings it back', async () => {
    await sqs.send(
      new SendMessageCommand({ QueueUrl: queues().queueUrl, MessageBody: 'not json at all' }),
    );
    const output = { out: '', err: '' };
    const io = {
      out: (text: string) => void (output.out += text),
      err: (text: string) => void (output.err += text),
    };

    // maxReceiveCount 5 deliveries, 5 s apart locally (the visibility timeout).
    await eventually(async () => {
      output.out = '';
      await runDlqList({ kind: 'local', root: testStage.root }, io);
      return /^notifications\s+1\s/m.test(output.out) ? true : undefined;
    }, 90_000);

    output.out = '';
    expect(await runDlqRedrive({ kind: 'local', root: testStage.root }, 'notifications', io)).toBe(
      0,
    );
    expect(output.out).toContain('notifications: moved 1 message(s)');
    output.out = '';
    await runDlqList({ kind: 'local', root: testStage.root }, io);
    expect(output.out).toMatch(/^notifications\s+0\s/m);
  });
});
