import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { LocalStageModel, StageResource } from './LocalStageModel.js';

/** A table the stage provisioned, and whether it was new. */
export interface ProvisionedTable {
  readonly resource: StageResource;
  readonly name: string;
  readonly created: boolean;
  readonly streamArn?: string;
}

/**
 * Creates every `AWS::DynamoDB::Table` of the stage in DynamoDB Local as the template declares it
 * (keys, attribute definitions, GSIs with projections, stream, TTL), or keeps an existing one
 * (its data survives restarts), and records each table's stream ARN for the Pipe and `Fn::GetAtt`.
 */
export async function provisionTables(
  model: LocalStageModel,
  client: DynamoDBClient,
): Promise<ProvisionedTable[]> {
  const tables: ProvisionedTable[] = [];
  for (const resource of model.resourcesOfType('AWS::DynamoDB::Table')) {
    const properties = model.resolve(
      resource,
      resource.resource.Properties ?? {},
      '.Properties',
    ) as TableProperties;
    let created = false;
    let streamArn = await latestStreamArn(client, resource.name);
    if (streamArn === null) {
      await client.send(new CreateTableCommand(createTableInput(resource.name, properties)));
      created = true;
      streamArn = await latestStreamArn(client, resource.name);
      const ttl = properties.TimeToLiveSpecification;
      if (ttl?.Enabled && ttl.AttributeName)
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: resource.name,
            TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true },
          }),
        );
    }
    model.record(resource, {
      ref: resource.name,
      attributes: { ...(streamArn && { StreamArn: streamArn }) },
    });
    tables.push({ resource, name: resource.name, created, ...(streamArn && { streamArn }) });
  }
  return tables;
}

/** The template's table properties the local table takes (billing is on-demand locally). */
interface TableProperties {
  readonly AttributeDefinitions: CreateTableCommandInput['AttributeDefinitions'];
  readonly KeySchema: CreateTableCommandInput['KeySchema'];
  readonly GlobalSecondaryIndexes?: readonly {
    readonly IndexName: string;
    readonly KeySchema: CreateTableCommandInput['KeySchema'];
    readonly Projection: {
      readonly ProjectionType?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
      readonly NonKeyAttributes?: string[];
    };
  }[];
  readonly LocalSecondaryIndexes?: CreateTableCommandInput['LocalSecondaryIndexes'];
  readonly StreamSpecification?: {
    readonly StreamViewType?: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
  };
  readonly TimeToLiveSpecification?: {
    readonly AttributeName?: string;
    readonly Enabled?: boolean;
  };
}

/** The CreateTable request for a table as the template declares it. */
export function createTableInput(
  name: string,
  properties: TableProperties,
): CreateTableCommandInput {
  return {
    TableName: name,
    AttributeDefinitions: properties.AttributeDefinitions,
    KeySchema: properties.KeySchema,
    BillingMode: 'PAY_PER_REQUEST',
    ...(properties.GlobalSecondaryIndexes && {
      GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes.map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: { ...index.Projection },
      })),
    }),
    ...(properties.LocalSecondaryIndexes && {
      LocalSecondaryIndexes: properties.LocalSecondaryIndexes,
    }),
    ...(properties.StreamSpecification?.StreamViewType && {
      StreamSpecification: {
        StreamEnabled: true,
        StreamViewType: properties.StreamSpecification.StreamViewType,
      },
    }),
  };
}

/** The table's stream ARN (undefined without a stream), or null when there is no such table. */
async function latestStreamArn(
  client: DynamoDBClient,
  name: string,
): Promise<string | undefined | null> {
  try {
    const described = await client.send(new DescribeTableCommand({ TableName: name }));
    return described.Table?.LatestStreamArn;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return null;
    throw error;
  }
}
