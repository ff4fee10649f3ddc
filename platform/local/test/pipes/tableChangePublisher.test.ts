import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createTestTable } from '@stack/kit/testing';
import { LocalEventBridge, loadPublisher, type PipeTarget } from '../../src/index.js';
import { tableChangePattern } from '@stack/stack-env-v1';
import { readStreamRecords } from '../support/readStreamRecords.js';

const BUS = 'stack-test';

// The Pipe's target as the environment template deploys it (loaded from source as the local
// cloud does), fed real stream records from DynamoDB Local and putting its
// events on the local EventBridge through the real SDK client.
describe('Pipe target: table-change-publisher', () => {
  const bridge = new LocalEventBridge();
  let tableName: string;
  let handler: PipeTarget;

  beforeAll(async () => {
    tableName = await createTestTable('publisher');
    process.env['AWS_ENDPOINT_URL_EVENTBRIDGE'] = await bridge.start({ port: 0 });
    process.env['EVENT_BUS_NAME'] = BUS;
    bridge.createEventBus(BUS);
    // CDK spells `detail-type` as detailType; the rule takes the pattern as AWS does.
    const { detailType, ...rest } = tableChangePattern({
      service: 'reviews',
      entity: 'Review',
      changes: ['Created'],
    });
    bridge.addRule({
      name: 'reviews-created',
      busName: BUS,
      pattern: JSON.stringify({ ...rest, 'detail-type': detailType }),
    });
    handler = await loadPublisher();
  });

  afterAll(async () => {
    await bridge.close();
    delete process.env['AWS_ENDPOINT_URL_EVENTBRIDGE'];
    delete process.env['EVENT_BUS_NAME'];
  });

  it('puts one <Entity><Change> event per changed item, in order, with source stack.<service>', async () => {
    // Prepare: create, update and delete a review, and write an item outside the convention.
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const key = { pk: 'reviews#Review#r1', sk: 'Review' };
    await client.send(new PutCommand({ TableName: tableName, Item: { ...key, rating: 5 } }));
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET rating = :r',
        ExpressionAttributeValues: { ':r': 3 },
      }),
    );
    await client.send(new DeleteCommand({ TableName: tableName, Key: key }));
    await client.send(new PutCommand({ TableName: tableName, Item: { pk: 'legacy', sk: 'x' } }));
    client.destroy();
    const records = await readStreamRecords(tableName);

    // Act
    const outcome = await handler(records);

    // Assess
    expect(outcome).toEqual({ published: 3, skipped: 1 });
    const events = bridge.events.filter((logged) => logged.eventBusName === BUS);
    expect(events.map(({ event }) => [event.source, event['detail-type']])).toEqual([
      ['stack.reviews', 'ReviewCreated'],
      ['stack.reviews', 'ReviewUpdated'],
      ['stack.reviews', 'ReviewDeleted'],
    ]);
    expect(events[1]?.event.detail).toMatchObject({
      entity: 'Review',
      change: 'Updated',
      id: 'r1',
      newImage: { ...key, rating: 3 },
      oldImage: { ...key, rating: 5 },
    });
    // Only the created event matches the rule written with tableChangePattern.
    expect(events.map((logged) => logged.matchedRules.length)).toEqual([1, 0, 0]);
  });

  it('splits a batch into PutEvents calls within the entry and size limits', async () => {
    // Prepare: 25 items of 60 KB each — more than 10 entries and 256 KB per call.
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const table = await createTestTable('publisher-large');
    for (let index = 0; index < 25; index += 1) {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { pk: `products#Product#p${index}`, sk: 'Product', blob: 'x'.repeat(60_000) },
        }),
      );
    }
    client.destroy();
    const records = await readStreamRecords(table);
    const before = bridge.events.length;

    // Act: the local EventBridge refuses a call over the limits, as AWS does.
    const outcome = await handler(records);

    // Assess
    expect(outcome).toEqual({ published: 25, skipped: 0 });
    const published = bridge.events.slice(before).map(({ event }) => event['detail-type']);
    expect(published).toHaveLength(25);
    expect(new Set(published)).toEqual(new Set(['ProductCreated']));
  });
});
