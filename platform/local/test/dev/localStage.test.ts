import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { EventBridgeEvent } from 'aws-lambda';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_PRODUCTS,
  LOCAL_EVENT_BUS_NAME,
  startLocalStage,
  type LocalStage,
} from '../../src/index.js';
import { postGraphQL } from '../support/graphqlClient.js';

// Two starts of the whole local stage, each with its own DynamoDB Local (a JVM).
jest.setTimeout(120_000);

const CREATE_REVIEW = `mutation ($productId: ID!) {
  createReview(productId: $productId, rating: 5, body: "Whistles like a train") { id }
}`;

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));

/** What the test worker received, shared through the process (its module is loaded by path). */
const received = (): { detail?: { id?: string } }[] =>
  ((globalThis as Record<string, unknown>)['__reviewsWorkerReceived'] as
    { detail?: { id?: string } }[] | undefined) ?? [];

/**
 * An event-worker@1 service fed by ReviewCreated events, giving up after 2 receives; its handler
 * keeps what it got and fails for good on a review whose body is "poison".
 */
function writeWorkerService(servicesRoot: string): void {
  const dir = join(servicesRoot, 'review-worker');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'service.yaml'),
    [
      'proton: ServiceSpec',
      'template: event-worker@1',
      'spec:',
      '  owner: team-reviews',
      '  events:',
      '    - source: [stack.reviews]',
      '      detailType: [ReviewCreated]',
      '  queue:',
      '    maxReceiveCount: 2',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src', 'handler.ts'),
    [
      "import { createQueueWorker } from '@stack/kit';",
      'const received: unknown[] = [];',
      "(globalThis as Record<string, unknown>)['__reviewsWorkerReceived'] = received;",
      'export const handler = createQueueWorker((message) => {',
      "  if (message.kind !== 'event') return;",
      '  const detail = message.detail as { newImage?: { body?: string } };',
      "  if (detail.newImage?.body === 'poison') throw new Error('poisoned review');",
      '  received.push(message);',
      '});',
      '',
    ].join('\n'),
  );
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Like `eventually`, for an asynchronous check. */
async function eventuallyAsync<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until `check` returns a value, polling every 100 ms, or fails after `ms`. */
async function eventually<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The local stage as `npm start` runs it, on free ports and a state folder of its own.
describe('the local stage (npm start)', () => {
  const root = mkdtempSync(join(tmpdir(), 'stack-local-stage-'));
  // A worker service of this test's own, inside the repository so its handler resolves
  // @stack/kit as a real service's does.
  const servicesRoot = join(REPOSITORY, '.stack', `test-services-${randomUUID()}`);
  writeWorkerService(servicesRoot);
  const saved = { ...process.env };
  let env: NodeJS.ProcessEnv;
  let stage: LocalStage;
  let reviewId: string;

  beforeAll(async () => {
    // The same ports across the restart, as a developer's fixed ones: the SDK clients the
    // services created stay pointed at them, as in a real process they would not outlive it.
    env = {
      ...process.env,
      STACK_PORT_API: String(await freePort()),
      STACK_PORT_AUTH: String(await freePort()),
      STACK_PORT_DYNAMODB: String(await freePort()),
      STACK_PORT_EVENTBRIDGE: String(await freePort()),
      STACK_PORT_SQS: String(await freePort()),
    };
    stage = await startLocalStage({ root, env, servicesRoot });
  });

  afterAll(async () => {
    await stage.stop();
    // The stage points the process's SDK clients at its emulators; give the other tests back theirs.
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(root, { recursive: true, force: true });
    rmSync(servicesRoot, { recursive: true, force: true });
  });

  it('writes .stack/dev.json with every URL of the running stage', () => {
    const manifest = JSON.parse(readFileSync(join(root, '.stack/dev.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      api: stage.manifest.api,
      eventbridge: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+/),
      eventBus: LOCAL_EVENT_BUS_NAME,
    });
  });

  it('carries a signed-in createReview from the table stream through the Pipe to a rule on the bus', async () => {
    // Prepare: a rule as a worker would have it, with an in-process target.
    const received: EventBridgeEvent<string, Record<string, unknown>>[] = [];
    stage.eventBridge.addRule({
      name: 'test-review-created',
      busName: LOCAL_EVENT_BUS_NAME,
      pattern: { source: ['stack.reviews'], 'detail-type': ['ReviewCreated'] },
      targets: [
        {
          kind: 'lambda',
          id: 'capture',
          invoke: (event) => {
            received.push(event as EventBridgeEvent<string, Record<string, unknown>>);
            return Promise.resolve();
          },
        },
      ],
    });
    const productId = DEMO_PRODUCTS[0].id;

    // Act
    const { status, body } = await postGraphQL(
      stage.manifest.api,
      { query: CREATE_REVIEW, variables: { productId } },
      stage.manifest.tokens['alice'],
    );

    // Assess
    expect(status).toBe(200);
    reviewId = String((body.data?.['createReview'] as { id: string }).id);
    const event = await eventually(() => received.find((each) => each.detail['id'] === reviewId));
    expect(event).toMatchObject({
      source: 'stack.reviews',
      'detail-type': 'ReviewCreated',
      detail: {
        service: 'reviews',
        entity: 'Review',
        change: 'Created',
        newImage: { productId, rating: 5, body: 'Whistles like a train' },
      },
    });
  });

  it('delivers the event to an event worker through its queue, and a failing one to its DLQ', async () => {
    // Prepare
    const productId = DEMO_PRODUCTS[1].id;
    const token = stage.manifest.tokens['bob'];
    const post = (body: string) =>
      postGraphQL(
        stage.manifest.api,
        { query: CREATE_REVIEW.replace('Whistles like a train', body), variables: { productId } },
        token,
      );

    // Act
    const good = await post('Sturdy');
    const poison = await post('poison');

    // Assess: the good one reached the worker once; the poison one ends in the DLQ.
    const goodId = (good.body.data?.['createReview'] as { id: string }).id;
    const poisonId = (poison.body.data?.['createReview'] as { id: string }).id;
    await eventually(() => received().find((message) => message.detail?.id === goodId));
    const queues = stage.manifest.queues['review-worker'];
    expect(queues).toBeDefined();
    const sqs = new SQSClient({ endpoint: stage.manifest.sqs });
    const deadLettered = await eventuallyAsync(async () => {
      const page = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queues!.deadLetterQueueUrl, WaitTimeSeconds: 1 }),
      );
      return page.Messages?.[0];
    }, 30_000);
    sqs.destroy();
    expect(JSON.parse(deadLettered.Body ?? '{}')).toMatchObject({
      'detail-type': 'ReviewCreated',
      detail: { id: poisonId },
    });
    expect(received().filter((message) => message.detail?.id === goodId)).toHaveLength(1);
  });

  it('refuses to start when a port is taken, naming it and the variable that moves it', async () => {
    // Prepare: another stage's API port is the one this stage already holds.
    const other = mkdtempSync(join(tmpdir(), 'stack-local-stage-busy-'));

    // Act
    const starting = startLocalStage({ root: other, env });

    // Assess: nothing started, nothing written.
    await expect(starting).rejects.toThrow(
      new RegExp(
        `api: ${env['STACK_PORT_API']} — stop what listens there, or move it with STACK_PORT_API=`,
      ),
    );
    expect(existsSync(join(other, '.stack'))).toBe(false);
    rmSync(other, { recursive: true, force: true });
  });

  it('keeps the data written before a restart', async () => {
    // Act
    await stage.stop();
    stage = await startLocalStage({ root, env, servicesRoot });

    // Assess
    const { body } = await postGraphQL(stage.manifest.api, {
      query: `{ product(id: "${DEMO_PRODUCTS[0].id}") { reviews(first: 50) { edges { node { id body } } } } }`,
    });
    const reviews = (
      body.data?.['product'] as { reviews: { edges: { node: { id: string; body: string } }[] } }
    ).reviews.edges.map((edge) => edge.node);
    expect(reviews).toContainEqual({ id: reviewId, body: 'Whistles like a train' });
  });
});
