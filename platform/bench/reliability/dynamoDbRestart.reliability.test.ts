import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DevIssuer } from '@stack/dev-issuer';
import {
  ensureTable,
  freePort,
  seedDemoData,
  startDynamoDbLocal,
  startLocalApi,
  type DynamoDbLocal,
  type LocalApi,
} from '@stack/local';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './support/eventually.js';
import { postGraphQL, type Answer } from './support/postGraphQL.js';

const TABLE = 'reliability-restart';
const CLIENT_ID = 'web';
const CREATE_REVIEW =
  'mutation($body: String!) { createReview(productId: "prod-kettle", rating: 4, body: $body) { id body } }';
// A failed write must come back within this, not hang the caller (the SDK retries 4 times).
const PROMPT_FAILURE_MS = 5_000;

interface WriteOutcome {
  readonly body: string;
  readonly answer: Answer;
}

describe('Reliability: DynamoDB Local stopped mid-run and restarted', () => {
  let dataDir: string;
  let port: number;
  let dynamodb: DynamoDbLocal;
  let issuer: DevIssuer;
  let api: LocalApi;
  let token: string;
  const outcomes: WriteOutcome[] = [];

  beforeAll(async () => {
    // A DynamoDB Local of its own, on disk, so stopping it does not touch the other scenarios'
    // and restarting it on the same port and folder finds the data again.
    dataDir = mkdtempSync(join(tmpdir(), 'stack-reliability-ddb-'));
    port = await freePort();
    dynamodb = await startDynamoDbLocal({ port, dataDir });
    // The kit's client reads the endpoint once, on first use: point it here before anything runs.
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamodb.endpoint;
    const client = new DynamoDBClient({});
    await ensureTable(client, TABLE);
    client.destroy();
    await seedDemoData(TABLE);
    issuer = await DevIssuer.start({ clientIds: [CLIENT_ID] });
    api = await startLocalApi({
      tableName: TABLE,
      topology: 'colocated',
      auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: [CLIENT_ID] },
    });
    token = issuer.issueAccessToken({ sub: 'user-alice', username: 'alice', clientId: CLIENT_ID });
  });

  afterAll(async () => {
    await api?.close();
    await issuer?.close();
    await dynamodb?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const write = async (index: number): Promise<WriteOutcome> => {
    const body = `Reliability write ${index}`;
    const outcome = {
      body,
      answer: await postGraphQL(
        api.url,
        { query: CREATE_REVIEW, variables: { body } },
        { token, timeoutMs: 30_000 },
      ),
    };
    outcomes.push(outcome);
    return outcome;
  };
  const acknowledged = (outcome: WriteOutcome) =>
    outcome.answer.status === 200 && !outcome.answer.body.errors && outcome.answer.body.data;

  it('acknowledges writes while DynamoDB is up', async () => {
    for (let index = 0; index < 8; index += 1) {
      const { answer } = await write(index);
      expect(answer.body.errors).toBeUndefined();
    }
  });

  it('answers writes with a prompt GraphQL error while DynamoDB is down, without crashing', async () => {
    // Act: stop it while a writer keeps going, then write a few more times.
    const writer = (async () => {
      for (let index = 8; index < 12; index += 1) await write(index);
    })();
    await dynamodb.stop();
    await writer;
    const failures: WriteOutcome[] = [];
    for (let index = 12; index < 15; index += 1) failures.push(await write(index));

    // Assess: each failure is a GraphQL error on the mutation's path, soon, not a hang or 5xx.
    for (const { answer } of failures) {
      expect(answer.status).toBe(200);
      expect(answer.elapsedMs).toBeLessThan(PROMPT_FAILURE_MS);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors?.[0]?.path).toEqual(['createReview']);
      // An outage is masked, but as retryable, unlike a bug (see docs/reliability.md).
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        retryable: true,
        serviceName: 'reviews',
      });
    }
    console.log(
      `dynamodb restart: ${outcomes.filter(acknowledged).length} writes acknowledged before the stop, ` +
        `down-time writes failed in at most ${Math.round(Math.max(...failures.map((f) => f.answer.elapsedMs)))} ms ` +
        `with "${failures[0]?.answer.body.errors?.[0]?.message ?? ''}"`,
    );
    const read = await postGraphQL(api.url, { query: '{ product(id: "prod-kettle") { title } }' });
    expect(read.status).toBe(200);
    expect(read.body.errors?.[0]?.path).toEqual(['product']);
  });

  it('finds every acknowledged write after DynamoDB restarts on the same data', async () => {
    // Prepare
    dynamodb = await startDynamoDbLocal({ port, dataDir });
    const acked = outcomes.filter(acknowledged);
    expect(acked.length).toBeGreaterThanOrEqual(8);

    // Act: the API serves again once the SDK reconnects (no restart of the API).
    await eventually('the API to read the table again', async () => {
      const answer = await postGraphQL(api.url, {
        query: '{ product(id: "prod-kettle") { title } }',
      });
      return answer.body.errors ? undefined : answer;
    });
    const found = await Promise.all(
      acked.map(async (outcome) => {
        const id = (outcome.answer.body.data?.createReview as { id: string }).id;
        const answer = await postGraphQL(api.url, {
          query: `{ review(id: "${id}") { id body } }`,
        });
        return answer.body.data?.review;
      }),
    );

    // Assess
    expect(found).toEqual(
      acked.map((outcome) => outcome.answer.body.data?.createReview as { id: string }),
    );
    const after = await write(99);
    expect(after.answer.body.errors).toBeUndefined();
  });
});
