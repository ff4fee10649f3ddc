import { describe, expect, it } from '@jest/globals';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { isTransientAwsError } from '../../src/errors/isTransientAwsError.js';
import { closedPort } from '../support/closedPort.js';

describe('isTransientAwsError', () => {
  it('is true for what the real SDK throws when the table cannot be reached', async () => {
    // Prepare: a real client, pointed where nothing answers, one attempt.
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });

    // Act
    const error = await client
      .send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }))
      .catch((caught: unknown) => caught);
    client.destroy();

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(isTransientAwsError(error)).toBe(true);
  });

  it.each([
    [
      'throttling',
      { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } },
    ],
    ['a 5xx answer', { name: 'SomethingNew', $metadata: { httpStatusCode: 503 } }],
    ['a 429 answer', { name: 'SomethingNew', $metadata: { httpStatusCode: 429 } }],
    ['a time-out', { name: 'TimeoutError' }],
    ['an error the SDK marks retryable', { name: 'X', $retryable: { throttling: false } }],
    [
      'a network error kept as the cause of a wrapper',
      new Error('load failed', { cause: { code: 'ECONNRESET' } }),
    ],
  ])('is true for %s', (_what, error) => {
    expect(isTransientAwsError(error)).toBe(true);
  });

  it.each([
    [
      'a failed condition',
      { name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } },
    ],
    ['a validation error', { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an object', 'boom'],
    ['nothing', undefined],
  ])('is false for %s', (_what, error) => {
    expect(isTransientAwsError(error)).toBe(false);
  });
});
