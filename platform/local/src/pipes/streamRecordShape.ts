import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * A record from the DynamoDB Streams API in the shape Pipes and Lambda hand to a function: the
 * SDK parses `ApproximateCreationDateTime` into a Date, where the event carries epoch seconds.
 */
export function toLambdaStreamRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const { dynamodb, ...rest } = record;
  const created = dynamodb?.ApproximateCreationDateTime;
  return {
    ...rest,
    eventSourceARN: streamArn,
    dynamodb: {
      ...dynamodb,
      ...(created && { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
    },
  } as DynamoDBRecord;
}
