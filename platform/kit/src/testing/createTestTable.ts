import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { ensureTable } from '../dynamo/ensureTable.js';

/**
 * Creates a fresh single table in the DynamoDB Local that the test run started (reached
 * through AWS_ENDPOINT_URL_DYNAMODB), so each test file has data of its own.
 */
export async function createTestTable(prefix = 'test'): Promise<string> {
  if (!process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    throw new Error(
      'AWS_ENDPOINT_URL_DYNAMODB is not set: run tests through `npm test`, which starts DynamoDB Local.',
    );
  }
  const tableName = `${prefix}-${randomUUID()}`;
  const client = new DynamoDBClient({});
  try {
    await ensureTable(client, tableName);
  } finally {
    client.destroy();
  }
  return tableName;
}
