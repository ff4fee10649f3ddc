import { Stack, Validations } from 'aws-cdk-lib';
import {
  FlowLogDestination,
  FlowLogTrafficType,
  GatewayVpcEndpointAwsService,
  SecurityGroup,
  type SubnetSelection,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { logRetention, removalPolicyFor } from './retention.js';

/** Inputs of the environment's network. */
export interface NetworkProps {
  /** isolated: no route to the internet; nat: private subnets behind one NAT gateway. */
  readonly mode: 'isolated' | 'nat';
  /** Days to keep the flow logs. */
  readonly logRetentionDays: number;
  /** RETAIN the flow log group when true. */
  readonly retainData: boolean;
}

/**
 * The availability zones an environment's VPC spans: `<region>a` and `<region>b`, which exist in
 * every commercial region. Named, not looked up, so synth needs no AWS account.
 */
export function availabilityZonesOf(region: string): string[] {
  return [`${region}a`, `${region}b`];
}

/**
 * The optional VPC (network input `isolated` or `nat`), over two availability zones named
 * explicitly (`availabilityZonesOf`); its stack must report the same zones (StackEnvStack does)
 * or CDK asks for a context lookup. DynamoDB and S3 are reached through gateway
 * endpoints, which are free; interface endpoints (about $7.30/month per AZ each) are not created.
 */
export class Network extends Construct {
  /** The VPC. */
  readonly vpc: Vpc;
  /** The subnets Lambdas attach to. */
  readonly lambdaSubnets: SubnetSelection;
  /** Security group for Lambdas: no inbound rules, all outbound. */
  readonly lambdaSecurityGroup: SecurityGroup;
  /**
   * True when the subnets reach the internet (nat). Only then can a Lambda in the VPC call AWS
   * APIs other than DynamoDB and S3, or fetch Cognito's JWKS.
   */
  readonly hasInternetEgress: boolean;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    this.hasInternetEgress = props.mode === 'nat';
    const privateType = this.hasInternetEgress
      ? SubnetType.PRIVATE_WITH_EGRESS
      : SubnetType.PRIVATE_ISOLATED;

    this.vpc = new Vpc(this, 'Vpc', {
      availabilityZones: availabilityZonesOf(region),
      // One NAT gateway (about $33/month plus $0.045/GB) instead of one per AZ: an AZ outage
      // cuts egress of the other AZ's Lambdas, an accepted trade for half the price.
      natGateways: this.hasInternetEgress ? 1 : 0,
      subnetConfiguration: [
        ...(this.hasInternetEgress
          ? [{ name: 'Public', subnetType: SubnetType.PUBLIC, cidrMask: 24 }]
          : []),
        { name: 'Private', subnetType: privateType, cidrMask: 22 },
      ],
      gatewayEndpoints: {
        DynamoDb: { service: GatewayVpcEndpointAwsService.DYNAMODB },
        S3: { service: GatewayVpcEndpointAwsService.S3 },
      },
      // Strips the default security group's rules (CIS 5.4); nothing here uses it.
      restrictDefaultSecurityGroup: true,
    });
    Validations.of(this.vpc).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason:
        'The two zones are named on purpose (<region>a and <region>b exist in every commercial region): synth needs no AWS account to look them up, and subnets never move between deployments.',
    });
    // Rejected traffic only: enough to debug a blocked connection, and ingestion ($0.50/GB)
    // stays near zero.
    this.vpc.addFlowLog('RejectedTraffic', {
      trafficType: FlowLogTrafficType.REJECT,
      destination: FlowLogDestination.toCloudWatchLogs(
        new LogGroup(this, 'FlowLogs', {
          retention: logRetention(props.logRetentionDays),
          removalPolicy: removalPolicyFor(props.retainData),
        }),
      ),
    });

    this.lambdaSubnets = { subnetType: privateType };
    this.lambdaSecurityGroup = new SecurityGroup(this, 'LambdaSecurityGroup', {
      vpc: this.vpc,
      description: 'Lambdas of the environment: no inbound, all outbound',
      allowAllOutbound: true,
    });
  }
}
