import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Every record on a table's stream so far (all shards, from the start), in the shape Lambda
 * and Pipes hand to a function: the SDK parses `ApproximateCreationDateTime` into a Date where
 * the event carries epoch seconds.
 */
export async function readStreamRecords(tableName: string): Promise<DynamoDBRecord[]> {
  const endpoint = process.env['AWS_ENDPOINT_URL_DYNAMODB'];
  const dynamodb = new DynamoDBClient({});
  const streams = new DynamoDBStreamsClient(endpoint ? { endpoint } : {});
  try {
    const table = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${tableName} has no stream`);
    const stream = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const records: DynamoDBRecord[] = [];
    for (const shard of stream.StreamDescription?.Shards ?? []) {
      const iterator = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      let next = iterator.ShardIterator;
      // An open shard always returns a next iterator: stop at the first empty page.
      while (next) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: next }));
        const batch = page.Records ?? [];
        if (batch.length === 0) break;
        records.push(...batch.map(toLambdaShape));
        next = page.NextShardIterator;
      }
    }
    return records;
  } finally {
    dynamodb.destroy();
    streams.destroy();
  }
}

function toLambdaShape(record: _Record): DynamoDBRecord {
  const { dynamodb, ...rest } = record;
  const created = dynamodb?.ApproximateCreationDateTime;
  return {
    ...rest,
    dynamodb: {
      ...dynamodb,
      ...(created && { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
    },
  } as DynamoDBRecord;
}
