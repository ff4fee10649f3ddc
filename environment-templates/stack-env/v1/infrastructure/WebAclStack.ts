import { Stack, type StackProps } from 'aws-cdk-lib';
import { ParameterTier, StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { ENVIRONMENT_PARAMETERS } from './environmentParameters.js';
import { CLOUDFRONT_WAF_REGION, WebAcl } from './WebAcl.js';

/** Inputs of the us-east-1 stack holding an environment's web ACL. */
export interface WebAclStackProps extends StackProps {
  /** The environment's stage. */
  readonly stageName: string;
  /** The environment's account; the region is always us-east-1. */
  readonly account: string;
}

/**
 * The web ACL of an environment whose region is not us-east-1, in a stack of its own in
 * us-east-1 (the only region for CloudFront web ACLs). It publishes the ACL's ARN as an SSM
 * parameter in us-east-1, which the environment's stack reads with `CrossRegionParameter`.
 */
export class WebAclStack extends Stack {
  /** The web ACL. */
  readonly webAcl: WebAcl;

  constructor(scope: Construct, id: string, props: WebAclStackProps) {
    super(scope, id, { ...props, env: { account: props.account, region: CLOUDFRONT_WAF_REGION } });
    this.webAcl = new WebAcl(this, 'WebAcl', { stageName: props.stageName });
    new StringParameter(this, 'WebAclArn', {
      parameterName: ENVIRONMENT_PARAMETERS(props.stageName).webAclArn,
      description: `ARN of the CloudFront web ACL of stack-${props.stageName}`,
      stringValue: this.webAcl.webAcl.attrArn,
      tier: ParameterTier.STANDARD,
    });
  }
}
