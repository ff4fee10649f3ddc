import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let cached: DynamoDBDocumentClient | undefined;

/**
 * The process-wide DynamoDB Document client, created on first use so a cold start pays for
 * it only when the invocation touches the table. Region, credentials and endpoint come from
 * the SDK's standard settings (`AWS_REGION`, `AWS_ENDPOINT_URL_DYNAMODB`, ...), which is how
 * the local cloud points services at DynamoDB Local without a code path of its own.
 */
export function documentClient(): DynamoDBDocumentClient {
  cached ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return cached;
}
