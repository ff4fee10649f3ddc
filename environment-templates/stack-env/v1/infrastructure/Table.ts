import { TABLE_SCHEMA } from '@stack/kit';
import { Validations } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  Table as DynamoDbTable,
  ProjectionType,
  StreamViewType,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { removalPolicyFor } from './retention.js';

/** Inputs of the environment's table. */
export interface TableProps {
  /** Point-in-time recovery, deletion protection and RETAIN when true; DESTROY when false. */
  readonly retainData: boolean;
}

/**
 * The environment's single DynamoDB table (docs/decisions/0004-single-table-dynamodb.md): key
 * names from `TABLE_SCHEMA` in @stack/kit, so services and the table agree by construction.
 */
export class Table extends Construct {
  /** The table; its stream feeds the event bus through `TableStreamPipe`. */
  readonly table: DynamoDbTable;

  constructor(scope: Construct, id: string, props: TableProps) {
    super(scope, id);
    const string = AttributeType.STRING;
    this.table = new DynamoDbTable(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: string },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: string },
      // On-demand: no capacity to pay for while nobody calls; a provisioned minimum would cost
      // money at zero traffic and throttle on spikes.
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE_SCHEMA.timeToLive,
      // The AWS owned key is free and encrypts at rest like any other; a customer managed KMS key
      // costs $1/month plus requests and only adds key-policy control nobody here needs.
      encryption: TableEncryption.DEFAULT,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: props.retainData },
      deletionProtection: props.retainData,
      removalPolicy: removalPolicyFor(props.retainData),
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_SCHEMA.gsi1.indexName,
      partitionKey: { name: TABLE_SCHEMA.gsi1.partitionKey, type: string },
      sortKey: { name: TABLE_SCHEMA.gsi1.sortKey, type: string },
      projectionType: ProjectionType.ALL,
    });
    if (!props.retainData) {
      Validations.of(this.table).acknowledge({
        id: 'AwsSolutions-DDB3',
        reason:
          'retainData is false (previews): the data is disposable, so point-in-time recovery (charged per GB-month) would buy nothing.',
      });
    }
  }
}
