// Starts one DynamoDB Local (in memory) for the whole test run. Tests isolate themselves by
// creating their own table; the endpoint reaches them through the SDK's standard setting
// AWS_ENDPOINT_URL_DYNAMODB, exactly as the local cloud points services at it.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startDynamoDbLocal } = await tsImport(
    '../../platform/local/src/dynamodb/startDynamoDbLocal.ts',
    import.meta.url,
  );
  const dynamodb = await startDynamoDbLocal();
  globalThis.__stackDynamoDbLocal = dynamodb;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
  });
}
