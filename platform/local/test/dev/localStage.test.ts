import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { EventBridgeEvent } from 'aws-lambda';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    };
    stage = await startLocalStage({ root, env });
  });

  afterAll(async () => {
    await stage.stop();
    // The stage points the process's SDK clients at its emulators; give the other tests back theirs.
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(root, { recursive: true, force: true });
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

  it('keeps the data written before a restart', async () => {
    // Act
    await stage.stop();
    stage = await startLocalStage({ root, env });

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
