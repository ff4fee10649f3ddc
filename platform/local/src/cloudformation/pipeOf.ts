import type { LocalStageModel } from './LocalStageModel.js';
import type { LocalFunction } from './localFunctions.js';
import type { ProvisionedTable } from './provisionTables.js';

/** The table-stream Pipe of the stage as its template declares it. */
export interface StagePipe {
  readonly table: ProvisionedTable;
  readonly target: LocalFunction;
  readonly batchSize?: number;
  readonly batchingWindowMs?: number;
  readonly maximumRetryAttempts?: number;
}

/**
 * Finds the stage's `AWS::Pipes::Pipe` from a DynamoDB stream to a Lambda function (the
 * environment template has one), with its batching and retry settings; undefined without one.
 */
export function pipeOf(
  model: LocalStageModel,
  tables: readonly ProvisionedTable[],
  functions: readonly LocalFunction[],
): StagePipe | undefined {
  for (const resource of model.resourcesOfType('AWS::Pipes::Pipe')) {
    const properties = model.resolve(
      resource,
      resource.resource.Properties ?? {},
      '.Properties',
    ) as {
      Source?: string;
      Target?: string;
      SourceParameters?: {
        DynamoDBStreamParameters?: {
          BatchSize?: number;
          MaximumBatchingWindowInSeconds?: number;
          MaximumRetryAttempts?: number;
        };
      };
    };
    const table = tables.find(
      (each) => each.streamArn !== undefined && each.streamArn === properties.Source,
    );
    const target = functions.find((each) => each.arn === properties.Target);
    if (!table || !target) continue;
    const stream = properties.SourceParameters?.DynamoDBStreamParameters ?? {};
    return {
      table,
      target,
      ...(stream.BatchSize !== undefined && { batchSize: stream.BatchSize }),
      ...(stream.MaximumBatchingWindowInSeconds !== undefined && {
        batchingWindowMs: stream.MaximumBatchingWindowInSeconds * 1000,
      }),
      ...(stream.MaximumRetryAttempts !== undefined && {
        maximumRetryAttempts: stream.MaximumRetryAttempts,
      }),
    };
  }
  return undefined;
}
