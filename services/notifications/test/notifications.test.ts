import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, entityKey } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { createWorker } from '../src/worker.js';
import { recordingSnsClient } from '@stack/kit/testing';
import { sqsRecord } from '@stack/kit/testing';
import { startSesEmulator } from './support/startSesEmulator.js';

const APP_URL = 'https://shop.example.com';

function reviewPosted(reviewId: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'ReviewPosted',
    version: 1,
    reviewId,
    productId: 'p1',
    authorId: 'bob',
    rating: 4,
    bodyExcerpt: 'Nice <script>alert(1)</script> & sturdy',
    createdAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  });
}

// The worker on DynamoDB Local and aws-ses-v2-local; SNS recorded at the SDK boundary.
describe('Worker: notifications (ReviewPosted)', () => {
  let tableName: string;
  let mail: Awaited<ReturnType<typeof startSesEmulator>>;
  let sns: ReturnType<typeof recordingSnsClient>;
  let handler: ReturnType<typeof createWorker>;

  const put = (item: Record<string, unknown>) =>
    documentClient().send(new PutCommand({ TableName: tableName, Item: item }));
  const user = (id: string, fields: Record<string, unknown>) =>
    put({ ...entityKey('users', 'User', id), id, createdAt: '2026-01-01', ...fields });

  beforeAll(async () => {
    tableName = await createTestTable('notifications');
    mail = await startSesEmulator();
    await put({
      ...entityKey('products', 'Product', 'p1'),
      id: 'p1',
      title: 'Oak <Desk>',
      ownerId: 'alice',
    });
    await put({
      ...entityKey('products', 'Product', 'p2'),
      id: 'p2',
      title: 'Lamp',
      ownerId: 'carol',
    });
    await user('alice', {
      name: 'Alice',
      email: 'alice@example.com',
      devices: {
        d1: {
          id: 'd1',
          platform: 'FCM',
          endpointArn: 'arn:aws:sns:eu-west-1:1:endpoint/GCM/app/d1',
        },
      },
    });
    await user('bob', { name: 'Bob "B" <b>' });
    await user('carol', { name: 'Carol', email: 'carol@example.com', emailNotifications: false });
  });

  beforeEach(async () => {
    await mail.clear();
    sns = recordingSnsClient();
    handler = createWorker({
      tableName,
      mailFrom: 'notifications@shop.example.com',
      appUrl: APP_URL,
      ses: mail.ses,
      sns: sns.client,
    });
  });

  afterAll(async () => {
    await mail.stop();
  });

  it("emails the product's owner once with escaped HTML, text, and an unsubscribe link", async () => {
    const response = await handler({ Records: [sqsRecord('m-1', reviewPosted('r1'))] });

    expect(response).toEqual({ batchItemFailures: [] });
    const emails = await mail.emails();
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email?.from).toBe('notifications@shop.example.com');
    expect(email?.destination.to).toEqual(['alice@example.com']);
    expect(email?.subject).toBe('New 4-star review of Oak <Desk>');
    expect(email?.body.html).toContain('Nice &lt;script&gt;alert(1)&lt;/script&gt; &amp; sturdy');
    expect(email?.body.html).toContain('Bob &quot;B&quot; &lt;b&gt;');
    expect(email?.body.html).toContain('Oak &lt;Desk&gt;');
    expect(email?.body.html).not.toContain('<script>');
    expect(email?.body.html).toContain(`href="${APP_URL}/account#notifications"`);
    expect(email?.body.text).toContain('Nice <script>alert(1)</script> & sturdy');
    expect(email?.body.text).toContain(`${APP_URL}/account#notifications`);
    expect(email?.headers).toContainEqual({
      name: 'List-Unsubscribe',
      value: `<${APP_URL}/account#notifications>`,
    });
  });

  it("pushes to each of the owner's devices through SNS Publish to the endpoint", async () => {
    await handler({ Records: [sqsRecord('m-2', reviewPosted('r2'))] });

    expect(sns.calls).toHaveLength(1);
    expect(sns.calls[0]?.command).toBe('PublishCommand');
    expect(sns.calls[0]?.input).toMatchObject({
      TargetArn: 'arn:aws:sns:eu-west-1:1:endpoint/GCM/app/d1',
      MessageStructure: 'json',
    });
    const message = JSON.parse(String(sns.calls[0]?.input.Message)) as Record<string, string>;
    expect(JSON.parse(message.GCM ?? '{}')).toEqual({
      notification: { title: 'New review of Oak <Desk>', body: expect.stringContaining('4/5') },
    });
  });

  it('sends exactly one email and one push when the same review arrives twice', async () => {
    await handler({ Records: [sqsRecord('m-3', reviewPosted('r3'))] });
    // A second delivery (SQS redelivery or a duplicate send) under another message id.
    const again = await handler({ Records: [sqsRecord('m-4', reviewPosted('r3'), 2)] });

    expect(again).toEqual({ batchItemFailures: [] });
    expect(await mail.emails()).toHaveLength(1);
    expect(sns.calls).toHaveLength(1);
  });

  it('sends no email to an owner who turned emailNotifications off', async () => {
    const response = await handler({
      Records: [sqsRecord('m-5', reviewPosted('r4', { productId: 'p2' }))],
    });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await mail.emails()).toHaveLength(0);
  });

  it('does not notify owners of their own reviews', async () => {
    await handler({ Records: [sqsRecord('m-6', reviewPosted('r5', { authorId: 'alice' }))] });
    expect(await mail.emails()).toHaveLength(0);
    expect(sns.calls).toHaveLength(0);
  });

  it('fails only the records it cannot read, so they reach the DLQ', async () => {
    const response = await handler({
      Records: [
        sqsRecord('m-7', reviewPosted('r6', { rating: 9 })),
        sqsRecord('m-8', '{"job":"other"}'),
        sqsRecord('m-9', reviewPosted('r7')),
      ],
    });

    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-7' }, { itemIdentifier: 'm-8' }],
    });
    expect(await mail.emails()).toHaveLength(1);
  });

  it('retries a review whose email failed, and then sends it once', async () => {
    // SES unreachable (nothing listens on port 1): the send fails like an outage would.
    const unreachable = new SESv2Client({
      endpoint: 'http://127.0.0.1:1',
      region: 'eu-west-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const failing = createWorker({
      tableName,
      mailFrom: 'notifications@shop.example.com',
      appUrl: APP_URL,
      ses: unreachable,
      sns: sns.client,
    });
    // A batch whose every record failed throws (Lambda counts an error; SQS redelivers it).
    await expect(failing({ Records: [sqsRecord('m-10', reviewPosted('r8'))] })).rejects.toThrow(
      'All records failed',
    );
    expect(await mail.emails()).toHaveLength(0);

    const retry = await handler({ Records: [sqsRecord('m-10', reviewPosted('r8'), 2)] });
    expect(retry).toEqual({ batchItemFailures: [] });
    expect(await mail.emails()).toHaveLength(1);
  });

  it('reports a disabled device endpoint without failing the message', async () => {
    const disabled = recordingSnsClient(() =>
      Object.assign(new Error('Endpoint is disabled'), { name: 'EndpointDisabledException' }),
    );
    const worker = createWorker({
      tableName,
      mailFrom: 'notifications@shop.example.com',
      appUrl: APP_URL,
      ses: mail.ses,
      sns: disabled.client,
    });
    const response = await worker({ Records: [sqsRecord('m-11', reviewPosted('r9'))] });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(disabled.calls).toHaveLength(1);
    expect(await mail.emails()).toHaveLength(1);
  });
});
