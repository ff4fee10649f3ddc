import { Stack } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Inputs of the API's web ACL. */
export interface WebAclProps {
  /** The environment's stage; names the ACL and its metrics. */
  readonly stageName: string;
}

// Requests one client IP may make in five minutes before the rate rule blocks it (about 7 per
// second sustained): far above a person using the apps, well below a scripted flood.
const REQUESTS_PER_IP_PER_5_MINUTES = 2_000;

/** The region CloudFront-scoped WAF resources must be created in. */
export const CLOUDFRONT_WAF_REGION = 'us-east-1';

/**
 * An AWS WAF web ACL for the API's CloudFront distribution: the AWS managed Common,
 * KnownBadInputs and Amazon IP reputation rule groups, and a per-IP rate limit. About
 * $5/month for the ACL, $1/month per rule (4 here) and $0.60 per million requests.
 *
 * A CLOUDFRONT-scoped ACL can only be created in us-east-1
 * (https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html), so
 * this construct refuses any other region; `WebAclStack` puts it there for environments
 * elsewhere.
 */
export class WebAcl extends Construct {
  /** The web ACL. */
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (region !== CLOUDFRONT_WAF_REGION) {
      throw new Error(
        `WebAcl: a CloudFront web ACL must be created in ${CLOUDFRONT_WAF_REGION}, not ${region}; use WebAclStack`,
      );
    }
    const name = `stack-${props.stageName}-api`;
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${name}-${metricName}`,
    });
    const managedGroup = (
      priority: number,
      groupName: string,
      ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[],
    ): CfnWebACL.RuleProperty => ({
      name: groupName,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: groupName,
          ...(ruleActionOverrides && { ruleActionOverrides }),
        },
      },
      visibilityConfig: visibility(groupName),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name,
      description: `API of stack-${props.stageName}`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('all'),
      rules: [
        // The Common rule set blocks bodies over 8 KB (SizeRestrictions_BODY); GraphQL
        // documents can be larger, and the router enforces its own limit (MAX_BODY_BYTES), so
        // that rule only counts.
        managedGroup(0, 'AWSManagedRulesCommonRuleSet', [
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
        managedGroup(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
        managedGroup(2, 'AWSManagedRulesAmazonIpReputationList'),
        {
          name: 'RateLimitPerIp',
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: REQUESTS_PER_IP_PER_5_MINUTES,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
      ],
    });
  }
}
