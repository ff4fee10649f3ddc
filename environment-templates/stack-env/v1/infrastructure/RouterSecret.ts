import { CustomResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  Grant,
  type IGrantable,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { ENVIRONMENT_PARAMETERS } from './environmentParameters.js';
import { FUNCTION_ENTRIES } from './repositoryPaths.js';
import { logRetention, removalPolicyFor } from './retention.js';
import { StackFunction } from './StackFunction.js';

/** Inputs of the router's shared secret. */
export interface RouterSecretProps {
  /** The environment's stage: the parameter is `/stack/<stage>/router/shared-secret`. */
  readonly stageName: string;
  /** Keep the parameter when the stack (or this resource) goes. */
  readonly retainData: boolean;
  /** Days to keep the logs of the function that creates it. */
  readonly logRetentionDays: number;
}

/**
 * The secret the router signs forwarded identities with and subgraphs verify (docs/graphql.md):
 * an SSM SecureString parameter, standard tier, under the AWS managed key `alias/aws/ssm`, all
 * free. CloudFormation cannot create a SecureString, so a custom resource does, at deploy time:
 * it generates 48 random bytes (base64url) on create, keeps the parameter on update, and never
 * hands the value to CloudFormation, so it is not in git, cdk.out, the template or the stack's
 * events. Functions get the parameter's NAME (ROUTER_SHARED_SECRET_PARAMETER) and read it at
 * their first invocation (@stack/kit `routerSecret`); no function configuration holds the value.
 *
 * Reading needs `ssm:GetParameter` on the parameter only (`grantRead`): the AWS managed key's
 * policy already lets every principal of the account decrypt through SSM, so no KMS statement
 * is needed, and none would narrow who can read it (see docs/environment-template.md).
 */
export class RouterSecret extends Construct {
  /** Name of the SecureString parameter, for ROUTER_SHARED_SECRET_PARAMETER. */
  readonly parameterName: string;
  /** ARN of the parameter, for IAM statements. */
  readonly parameterArn: string;
  /** The custom resource that creates the parameter; depend on it to read only once it exists. */
  readonly resource: CustomResource;
  /** The function behind the custom resource, run during deployments only. */
  readonly handler: StackFunction;

  constructor(scope: Construct, id: string, props: RouterSecretProps) {
    super(scope, id);
    this.parameterName = ENVIRONMENT_PARAMETERS(props.stageName).routerSharedSecret;
    this.parameterArn = routerSecretParameterArn(this, props.stageName);

    // The ids below contain "Provider" and "CustomResource" on purpose: `stack cost` skips
    // functions whose path says they are CDK helpers, and would otherwise price this one as
    // the router (its path contains "Router").
    this.handler = new StackFunction(this, 'CustomResourceHandler', {
      entry: FUNCTION_ENTRIES.routerSecretParameter,
      description: `stack-${props.stageName}: creates the router's signing key in SSM at deploy time`,
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: {},
      logRetentionDays: props.logRetentionDays,
      retainData: props.retainData,
    });
    this.handler.role.addToPolicy(
      new PolicyStatement({
        actions: ['ssm:PutParameter', 'ssm:DeleteParameter'],
        resources: [this.parameterArn],
      }),
    );

    // The Provider framework's own function gets a role and log group of its own too, instead
    // of AWSLambdaBasicExecutionRole and a log group kept forever.
    const frameworkLogs = new LogGroup(this, 'ProviderLogs', {
      retention: logRetention(props.logRetentionDays),
      removalPolicy: removalPolicyFor(props.retainData),
    });
    const frameworkRole = new Role(this, 'ProviderRole', {
      description: `stack-${props.stageName}: CDK Provider framework of the router secret`,
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    frameworkLogs.grantWrite(frameworkRole);
    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.handler.function,
      frameworkOnEventRole: frameworkRole,
      logGroup: frameworkLogs,
    });

    this.resource = new CustomResource(this, 'Parameter', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::RouterSharedSecret',
      properties: { ParameterName: this.parameterName },
      // RETAIN: CloudFormation never sends Delete, so the key outlives the stack with the data
      // it protects; DESTROY: Delete removes the parameter.
      removalPolicy: removalPolicyFor(props.retainData),
    });

    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by the Provider framework during deployments only: a failure fails the deployment, there is no asynchronous event to keep.',
    });
    acknowledgeProviderFindings(provider, frameworkRole, this.handler);
  }

  /** Lets `grantee` read the secret: `ssm:GetParameter` on this parameter and nothing else. */
  grantRead(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['ssm:GetParameter'],
      resourceArns: [this.parameterArn],
    });
  }
}

/**
 * ARN of an environment's router secret parameter, for service stacks that grant their
 * subgraph functions `ssm:GetParameter` on it (it lives in the environment's account and region).
 */
export function routerSecretParameterArn(scope: Construct, stageName: string): string {
  return Stack.of(scope).formatArn({
    service: 'ssm',
    resource: 'parameter',
    // formatArn adds the slash after `parameter`; the name starts with one.
    resourceName: ENVIRONMENT_PARAMETERS(stageName).routerSharedSecret.replace(/^\//, ''),
  });
}

/** cdk-nag findings on CDK's Provider framework, each with why it stays. */
function acknowledgeProviderFindings(
  provider: Provider,
  frameworkRole: Role,
  handler: StackFunction,
): void {
  const framework = provider.node.findChild('framework-onEvent');
  Validations.of(framework).acknowledge(
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        "CDK's Provider framework, invoked synchronously by CloudFormation, which reports a failure as a failed deployment; there is no event to redrive.",
    },
    {
      id: 'Serverless-LambdaTracing',
      reason:
        "CDK's Provider framework function exposes no tracing setting; it runs once per deployment and its log group keeps each call.",
    },
    {
      id: 'Serverless-LambdaDefaultMemorySize',
      reason:
        "CDK's Provider framework exposes no memory setting; its default (128 MB) relays one small event per deployment.",
    },
  );
  const handlerId = Stack.of(handler).getLogicalId(
    handler.function.node.defaultChild as CfnFunction,
  );
  Validations.of(frameworkRole).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${handlerId}.Arn>:*]`,
    reason:
      "CDK's Provider framework may invoke any version or alias of the one handler function it wraps (the `:*` suffix); the function itself is named exactly.",
  });
}
