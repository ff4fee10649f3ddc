import { Duration, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';

/** Inputs of the API's edge. */
export interface EdgeProps {
  /** The environment's stage, for the distribution's comment. */
  readonly stageName: string;
  /** Host name of the HTTP API (`<id>.execute-api.<region>.amazonaws.com`). */
  readonly apiDomainName: string;
  /** ARN of a CloudFront-scoped web ACL; none when absent. */
  readonly webAclArn?: string;
}

/**
 * CloudFront in front of the HTTP API: HTTPS only, nothing cached (GraphQL answers are per
 * caller), every viewer header, query string and cookie forwarded except Host, which must stay
 * the API's own. CloudFront's free tier and PRICE_CLASS_100 keep it at $0 at zero traffic.
 */
export class Edge extends Construct {
  /** The distribution. */
  readonly distribution: Distribution;
  /** The API's public GraphQL endpoint. */
  readonly graphqlUrl: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `stack-${props.stageName} API`,
      defaultBehavior: {
        origin: new HttpOrigin(props.apiDomainName, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          // API Gateway ends an integration at 30 s; CloudFront's default wait is the same.
          readTimeout: Duration.seconds(30),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // With caching disabled, this policy also forwards the Authorization header
        // (https://repost.aws/knowledge-center/cloudfront-authorization-header).
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(props.webAclArn && { webAclId: props.webAclArn }),
    });
    this.graphqlUrl = `https://${this.distribution.distributionDomainName}/graphql`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The product is sold worldwide; there is no country to block.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "The API stage writes an access log line per request; CloudFront's standard logs would duplicate it and need an ACL-enabled S3 bucket.",
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "No custom domain yet, so the distribution uses CloudFront's default certificate, whose minimum protocol CloudFront fixes; viewers are HTTPS only and the origin is TLS 1.2.",
      },
    );
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'The waf input is false: a web ACL costs about $9/month per environment; the API stage throttles requests and the router limits query depth, cost and size.',
      });
    }
  }
}
