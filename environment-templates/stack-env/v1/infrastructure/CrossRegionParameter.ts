import { Arn, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { logRetention } from './retention.js';

/** Which parameter to read. */
export interface CrossRegionParameterProps {
  /** Name of the SSM String parameter. */
  readonly parameterName: string;
  /** Region it lives in. */
  readonly region: string;
  /** Days to keep the reader's logs. */
  readonly logRetentionDays: number;
}

/**
 * Reads an SSM String parameter of another region at deploy time. CloudFormation's own
 * `{{resolve:ssm:…}}` only reaches the stack's region, and CDK's `crossRegionReferences` creates
 * its reader Lambda only while synthesizing, out of reach of an acknowledgement with a reason
 * next to it. The reader runs on create and whenever the parameter's name changes; the value it
 * reads (a web ACL ARN) changes only if the resource behind it is replaced.
 */
export class CrossRegionParameter extends Construct {
  /** The parameter's value. */
  readonly value: string;

  constructor(scope: Construct, id: string, props: CrossRegionParameterProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const parameterArn = Arn.format(
      {
        service: 'ssm',
        region: props.region,
        resource: 'parameter',
        resourceName: props.parameterName.replace(/^\//, ''),
      },
      stack,
    );
    const logGroup = new LogGroup(this, 'Logs', {
      retention: logRetention(props.logRetentionDays),
    });
    // A role of its own instead of the provider's default AWSLambdaBasicExecutionRole.
    const role = new Role(this, 'Role', {
      description: `Reads ${props.parameterName} in ${props.region} during deployments`,
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
    const reader = new AwsCustomResource(this, 'Reader', {
      resourceType: 'Custom::CrossRegionParameter',
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: props.parameterName },
        region: props.region,
        physicalResourceId: PhysicalResourceId.of(`${props.region}:${props.parameterName}`),
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      role,
      logGroup,
      memorySize: 256,
      installLatestAwsSdk: false,
    });
    this.value = reader.getResponseField('Parameter.Value');

    // CDK shares one provider function per stack between all AwsCustomResources.
    const provider = stack.node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
    if (provider) {
      Validations.of(provider).acknowledge(
        {
          id: 'Serverless-LambdaDLQ',
          reason:
            "CDK's AwsCustomResource provider, invoked by CloudFormation, which reports a failed call as a failed deployment; there is nothing to redrive.",
        },
        {
          id: 'Serverless-LambdaTracing',
          reason:
            "CDK's AwsCustomResource provider runs one SDK call per deployment; it exposes no tracing setting, and its log group keeps the call.",
        },
      );
    }
  }
}

// Construct id of the singleton Lambda behind every AwsCustomResource of a stack.
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';
