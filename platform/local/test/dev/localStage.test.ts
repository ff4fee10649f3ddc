import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { EventBridgeEvent } from 'aws-lambda';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_PRODUCTS,
  JavaMissingError,
  LOCAL_EVENT_BUS_NAME,
  startLocalStage,
  type LocalStage,
} from '../../src/index.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { startTestStage, type TestStage } from '../support/startTestStage.js';

// Two starts of the whole local stage, each with its own DynamoDB Local (a JVM), the first
// synthesizing the stage (no cache in the test's own state folder).
jest.setTimeout(240_000);

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

/**
 * Copies the repository's services (specs and sources) into `servicesRoot`, so the stage
 * synthesizes and runs the real services while the test may edit its own copies. Without
 * their package.json: a second package of the same name would collide in jest's module map.
 */
function copyRepositoryServices(servicesRoot: string): void {
  const services = join(REPOSITORY, 'services');
  for (const name of readdirSync(services)) {
    if (!existsSync(join(services, name, 'service.yaml'))) continue;
    cpSync(join(services, name), join(servicesRoot, name), {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|dist|test|package\.json)$/.test(source),
    });
  }
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
  // Copies of the repository's services plus a worker service of this test's own, inside the
  // repository so their handlers resolve @stack/kit as a real service's does.
  const servicesRoot = join(REPOSITORY, '.stack', `test-services-${randomUUID()}`);
  copyRepositoryServices(servicesRoot);
  writeWorkerService(servicesRoot);
  // The same ports across the restart, as a developer's fixed ones: the SDK clients the
  // services created stay pointed at them, as in a real process they would not outlive it.
  let testStage: TestStage;
  let stage: LocalStage;
  let root: string;
  let env: NodeJS.ProcessEnv;
  let reviewId: string;

  beforeAll(async () => {
    testStage = await startTestStage({ name: 'stack-local-stage', servicesRoot });
    ({ stage, root, env } = testStage);
  });

  afterAll(async () => {
    // Undefined when the start failed; the copies must go all the same.
    await (testStage as TestStage | undefined)?.stop();
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

  it('provisions the table, queues, rules and function settings from the synthesized local stage', async () => {
    // Prepare
    const dynamodb = new DynamoDBClient({});

    // Act
    const table = await dynamodb.send(
      new DescribeTableCommand({ TableName: stage.manifest.table }),
    );
    const ttl = await dynamodb.send(
      new DescribeTimeToLiveCommand({ TableName: stage.manifest.table }),
    );
    dynamodb.destroy();
    const rules = stage.eventBridge.listRules(LOCAL_EVENT_BUS_NAME);

    // Assess: the environment template's table, as its CloudFormation declares it
    expect(stage.manifest.table).toBe('local-Environment-Table');
    expect(stage.manifest.resources.assembly.directory).toContain(join(root, '.stack', 'cdk.out'));
    expect(table.Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(table.Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('gsi1');
    expect(table.Table?.StreamSpecification?.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
    // The worker's queue, DLQ and rule come from the event-worker template's stack
    expect(stage.manifest.resources.queues).toEqual(
      expect.arrayContaining([
        'local-Service-review-worker-Queue',
        'local-Service-review-worker-DeadLetterQueue',
      ]),
    );
    const workerRule = rules.find((rule) => rule.name === 'local-Service-review-worker-Events0');
    expect(JSON.parse(workerRule?.eventPattern ?? '{}')).toEqual({
      source: ['stack.reviews'],
      'detail-type': ['ReviewCreated'],
    });
    // Function settings are the templates' environment variables, resolved to local names
    expect(process.env['TABLE_NAME']).toBe('local-Environment-Table');
    expect(process.env['EVENT_BUS_NAME']).toBe(LOCAL_EVENT_BUS_NAME);
    expect(stage.manifest.resources.functions['stack-local-review-worker']).toMatch(
      /review-worker\/src\/handler\.ts$/,
    );
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

  it('refuses to start without java on PATH, before anything is started or written', async () => {
    // Prepare: a PATH holding only node.
    const other = mkdtempSync(join(tmpdir(), 'stack-local-stage-nojava-'));
    const bin = mkdtempSync(join(tmpdir(), 'stack-path-'));
    symlinkSync(process.execPath, join(bin, 'node'));

    // Act
    const starting = startLocalStage({ root: other, env: { ...env, PATH: bin } });

    // Assess
    await expect(starting).rejects.toThrow(JavaMissingError);
    await expect(starting).rejects.toThrow(/apt-get install -y default-jre-headless/);
    expect(existsSync(join(other, '.stack'))).toBe(false);
    rmSync(other, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
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
    stage = await testStage.restart();

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
