import { startDynamoDbLocal, type DynamoDbLocal } from '@stack/local';

/** Variables the bench sets so the kit's `documentClient()` reaches its DynamoDB Local. */
export const BENCH_AWS_VARIABLES = [
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
] as const;

/**
 * Starts one DynamoDB Local in memory and points this process's AWS SDK at it. Must run before
 * the kit's `documentClient()` is first used: the client reads the endpoint once.
 */
export async function startBenchDynamoDb(): Promise<DynamoDbLocal> {
  const dynamodb = await startDynamoDbLocal();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  return dynamodb;
}
