import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { toLambdaStreamRecord } from './streamRecordShape.js';

/** The Pipe's target: the function that gets each batch (the template's publisher). */
export type PipeTarget = (records: DynamoDBRecord[]) => Promise<unknown>;

/** How the local table-stream Pipe behaves; the defaults are the cloud Pipe's settings. */
export interface TableStreamPipeOptions {
  readonly tableName: string;
  readonly target: PipeTarget;
  /** Records per batch (cloud: 10). */
  readonly batchSize?: number;
  /** Longest a record waits for its batch to fill, ms (cloud: 1 s). */
  readonly batchingWindowMs?: number;
  /** Attempts after the first before a batch is given up (cloud: 3), halving it first. */
  readonly maximumRetryAttempts?: number;
  /** How often an idle shard is polled, ms. */
  readonly pollIntervalMs?: number;
  /** Where records go that failed for good (the cloud Pipe's DLQ). */
  readonly onDeadLetter?: (records: DynamoDBRecord[], error: unknown) => void;
}

/** A running local Pipe. */
export interface TableStreamPipe {
  /** Records handed to the target successfully so far. */
  readonly delivered: number;
  /** Records given up after the retries. */
  readonly deadLettered: DynamoDBRecord[];
  /** Resolves once every record read so far has been delivered or given up. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The table-stream Pipe of the local cloud: polls DynamoDB Local's stream (every shard, new
 * shards as they appear) and hands batches of Lambda-shaped records to the target, in order,
 * like the cloud Pipe: up to `batchSize` records or `batchingWindowMs`, whichever first; a
 * failed batch is halved and retried (AUTOMATIC_BISECT) before its records are dead-lettered.
 * Starts at the stream's end (LATEST), as the cloud Pipe does when created.
 */
export async function startTableStreamPipe(
  options: TableStreamPipeOptions,
): Promise<TableStreamPipe> {
  const batchSize = options.batchSize ?? 10;
  const windowMs = options.batchingWindowMs ?? 1_000;
  const retries = options.maximumRetryAttempts ?? 3;
  const pollMs = options.pollIntervalMs ?? 200;
  const endpoint = process.env['AWS_ENDPOINT_URL_DYNAMODB'];
  const dynamodb = new DynamoDBClient({});
  const streams = new DynamoDBStreamsClient(endpoint ? { endpoint } : {});
  const table = await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamodb.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) {
    streams.destroy();
    throw new Error(`table ${options.tableName} has no stream: the Pipe has nothing to read`);
  }

  const iterators = new Map<string, string | undefined>();
  const pending: DynamoDBRecord[] = [];
  const deadLettered: DynamoDBRecord[] = [];
  let delivered = 0;
  let oldestPendingAt = 0;
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();

  const discoverShards = async (startAt: 'LATEST' | 'TRIM_HORIZON') => {
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of described.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId;
      if (!shardId || iterators.has(shardId)) continue;
      const iterator = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: startAt,
        }),
      );
      iterators.set(shardId, iterator.ShardIterator);
    }
  };

  const deliver = async (batch: DynamoDBRecord[], attempt = 0): Promise<void> => {
    try {
      await options.target(batch);
      delivered += batch.length;
    } catch (error) {
      if (attempt >= retries) {
        deadLettered.push(...batch);
        options.onDeadLetter?.(batch, error);
        return;
      }
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await deliver(batch.slice(0, half), attempt + 1);
        await deliver(batch.slice(half), attempt + 1);
      } else {
        await deliver(batch, attempt + 1);
      }
    }
  };

  const flush = async (force: boolean) => {
    while (
      pending.length >= batchSize ||
      (pending.length > 0 && (force || Date.now() - oldestPendingAt >= windowMs))
    ) {
      await deliver(pending.splice(0, batchSize));
      oldestPendingAt = Date.now();
    }
  };

  const pollOnce = async () => {
    await discoverShards('TRIM_HORIZON');
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      iterators.set(shardId, page.NextShardIterator);
      const records = (page.Records ?? []).map((record) => toLambdaStreamRecord(record, streamArn));
      if (records.length > 0 && pending.length === 0) oldestPendingAt = Date.now();
      pending.push(...records);
    }
    await flush(false);
  };

  // Every read of the stream runs after the previous one: shard iterators are single-use.
  const serially = (task: () => Promise<void>): Promise<void> => {
    const next = busy.then(task);
    busy = next.catch(() => undefined);
    return next;
  };

  await discoverShards('LATEST');
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    serially(pollOnce)
      .catch((error: unknown) => {
        // A poll that fails (DynamoDB Local restarting) is retried at the next tick.
        if (!stopped) process.emitWarning(`table-stream pipe: ${(error as Error).message}`);
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, pollMs);
      });
  };
  loop();

  return {
    get delivered() {
      return delivered;
    },
    deadLettered,
    drain() {
      return serially(async () => {
        await pollOnce();
        await flush(true);
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await busy;
      await flush(true).catch(() => undefined);
      streams.destroy();
    },
  };
}
