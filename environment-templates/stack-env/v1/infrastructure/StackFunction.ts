import { type Duration, Validations } from 'aws-cdk-lib';
import type { ISecurityGroup, IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ESM_REQUIRE_BANNER } from './esmRequireBanner.js';
import { LAMBDA_NODE_TARGET, lambdaEsbuildArgs } from './lambdaBundleOptions.js';
import { LOCK_FILE, REPOSITORY_ROOT } from './repositoryPaths.js';
import { logRetention, removalPolicyFor } from './retention.js';

/**
 * The newest Node.js runtime in this aws-cdk-lib. The AWS SDK needs Node ≥ 22 from 2027, and a
 * newer runtime also stays clear of deprecation longer.
 */
export const STACK_RUNTIME = Runtime.NODEJS_24_X;

/** Where a function attaches in a VPC. */
export interface FunctionPlacement {
  /** The VPC. */
  readonly vpc: IVpc;
  /** Its subnets to attach to. */
  readonly subnets: SubnetSelection;
  /** Security groups of the function's network interfaces. */
  readonly securityGroups: ISecurityGroup[];
}

/** Inputs of a Lambda function of the Stack. */
export interface StackFunctionProps {
  /** Absolute path of the TypeScript file exporting `handler`. */
  readonly entry: string;
  /** What the function does (shown in the console). */
  readonly description: string;
  /** Memory in MB; CPU grows with it. */
  readonly memorySize: number;
  /** Longest an invocation may run. */
  readonly timeout: Duration;
  /** Environment variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Days to keep the function's logs. */
  readonly logRetentionDays: number;
  /** RETAIN the log group when true. */
  readonly retainData: boolean;
  /** Attach to a VPC; outside any VPC when absent. */
  readonly placement?: FunctionPlacement;
  /** Concurrency reserved for and capped at the function; the unreserved pool when absent. */
  readonly reservedConcurrency?: number;
}

/**
 * A Node.js Lambda the way every Lambda of the Stack is built: bundled by the local esbuild as an
 * ES module (no Docker), arm64 (20% cheaper per GB-second than x86), the newest Node runtime,
 * X-Ray active tracing, an explicit log group with a retention, and a role of its own that may
 * write only to that log group.
 */
export class StackFunction extends Construct {
  /** The function. */
  readonly function: NodejsFunction;
  /** Its execution role; grant it what the function calls. */
  readonly role: Role;
  /** Its log group. */
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: StackFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: logRetention(props.logRetentionDays),
      removalPolicy: removalPolicyFor(props.retainData),
    });
    // A role of its own instead of AWSLambdaBasicExecutionRole, which may create log groups and
    // write to any of them.
    this.role = new Role(this, 'Role', {
      description: props.description,
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    this.logGroup.grantWrite(this.role);
    if (props.placement) {
      this.role.addManagedPolicy(
        ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole'),
      );
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
        reason:
          "Lambda's network-interface actions (ec2:CreateNetworkInterface, …) have no resource-level permissions; the AWS managed policy is exactly that list and AWS keeps it current.",
      });
    }

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: LOCK_FILE,
      runtime: STACK_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      tracing: Tracing.ACTIVE,
      ...(props.reservedConcurrency !== undefined && {
        reservedConcurrentExecutions: props.reservedConcurrency,
      }),
      role: this.role,
      logGroup: this.logGroup,
      // No NODE_OPTIONS=--enable-source-maps: parsing the router's 16 MB source map at start
      // added about 40% to its init time in a local measurement. The maps ship in the bundle
      // for decoding stack traces offline; set the variable to trade cold starts for them.
      environment: { ...props.environment },
      ...(props.placement && {
        vpc: props.placement.vpc,
        vpcSubnets: props.placement.subnets,
        securityGroups: props.placement.securityGroups,
      }),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: LAMBDA_NODE_TARGET,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the SDK instead of using the runtime's copy: the version the local cloud and
        // the tests ran is the version that deploys.
        bundleAwsSDK: true,
        // Leave out what the functions never call and resolve ESM copies first (see there).
        esbuildArgs: lambdaEsbuildArgs(),
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions.',
    });
  }
}
