import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { toLambdaStreamRecord } from '../../src/pipes/streamRecordShape.js';

/**
 * Every record on a table's stream so far (all shards, from the start), in the shape Lambda
 * and Pipes hand to a function (`toLambdaStreamRecord`, as the local Pipe does).
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
        records.push(...batch.map((record) => toLambdaStreamRecord(record, streamArn)));
        next = page.NextShardIterator;
      }
    }
    return records;
  } finally {
    dynamodb.destroy();
    streams.destroy();
  }
}
