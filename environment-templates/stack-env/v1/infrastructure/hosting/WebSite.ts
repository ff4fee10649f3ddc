import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { removalPolicyFor } from '../retention.js';
import { cleanUrlsFunctionCode } from './cleanUrlsFunctionCode.js';
import {
  contentSecurityPolicy,
  type ContentSecurityPolicyOrigins,
} from './contentSecurityPolicy.js';
import type { SiteConfig } from './SiteConfig.js';
import type { ResolvedWebExport } from './webExportDirectory.js';

/** Next's content-hashed build output: safe to cache for a year. */
export const STATIC_ASSETS_PATH = '_next/static/*';

/** Inputs of one web site. */
export interface WebSiteProps {
  /** The environment's stage and the site's name, for comments. */
  readonly stageName: string;
  /** `public` or `internal`. */
  readonly siteName: string;
  /** The static export to deploy (an app's `out/` or the placeholder) and its layout. */
  readonly webExport: ResolvedWebExport;
  /** Written to `/config.json` at deploy time. */
  readonly config: SiteConfig;
  /** The origins the pages may call (Content-Security-Policy connect-src). */
  readonly origins: ContentSecurityPolicyOrigins;
  /** RETAIN the bucket when true; DESTROY with its objects when false. */
  readonly retainData: boolean;
  /** Where the bucket's server access logs go. */
  readonly accessLogsBucket: IBucket;
  /** ARN of a CloudFront-scoped web ACL; none when absent. */
  readonly webAclArn?: string;
}

/**
 * One statically exported Next.js site: a private bucket read only by its CloudFront
 * distribution (Origin Access Control), clean URLs by a CloudFront Function, security headers,
 * content-hashed assets cached for a year and pages revalidated on every request, and a
 * deployment of the export plus `/config.json` that invalidates the distribution.
 */
export class WebSite extends Construct {
  /** The site's bucket. */
  readonly bucket: Bucket;
  /** The site's distribution. */
  readonly distribution: Distribution;
  /** The site's URL (`https://<id>.cloudfront.net`), no trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: `${props.siteName}/`,
      removalPolicy: removalPolicyFor(props.retainData),
      // The bucket holds only build output, but a stack that keeps data keeps it too.
      autoDeleteObjects: !props.retainData,
    });

    const cleanUrls = new CloudFrontFunction(this, 'CleanUrls', {
      comment: `stack-${props.stageName} ${props.siteName}: clean URLs to exported pages (${props.webExport.layout} layout)`,
      code: FunctionCode.fromInline(cleanUrlsFunctionCode(props.webExport.layout)),
      runtime: FunctionRuntime.JS_2_0,
    });
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: `stack-${props.stageName} ${props.siteName}: CSP, HSTS, no framing, no sniffing`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.origins),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const common = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      responseHeadersPolicy: headers,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `stack-${props.stageName} ${props.siteName} web site`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        ...common,
        cachePolicy: pagesCachePolicy(this),
        functionAssociations: [
          { function: cleanUrls, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        [`/${STATIC_ASSETS_PATH}`]: { ...common, cachePolicy: staticAssetsCachePolicy(this) },
        // Written per deployment: a cached copy would point the app at yesterday's API or client.
        '/config.json': { ...common, cachePolicy: CachePolicy.CACHING_DISABLED },
      },
      // S3 answers 403 for a missing key when the reader may not list the bucket (OAC grants
      // s3:GetObject only), so both mean "no such page".
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 404,
        responsePagePath: '/404.html',
        ttl: Duration.seconds(10),
      })),
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(props.webAclArn && { webAclId: props.webAclArn }),
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    this.deploy(props);
    this.acknowledge(props);
  }

  /**
   * Two deployments of the same export: content-hashed assets first, with a year of immutable
   * caching and no pruning (pages still open in browsers keep loading the chunks they name);
   * then everything else with `no-cache` (pages, `config.json`, icons), pruned, which invalidates
   * the distribution. Metadata is per deployment, so two deployments are the way to give the
   * two kinds of files different Cache-Control headers.
   */
  private deploy(props: WebSiteProps): void {
    const assets = new BucketDeployment(this, 'DeployStaticAssets', {
      destinationBucket: this.bucket,
      sources: [Source.asset(props.webExport.directory)],
      exclude: ['*'],
      include: [STATIC_ASSETS_PATH],
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      memoryLimit: 512,
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      destinationBucket: this.bucket,
      sources: [
        Source.asset(props.webExport.directory),
        Source.jsonData('config.json', props.config),
      ],
      exclude: [STATIC_ASSETS_PATH],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // New pages name new chunks: the chunks must be there first.
    pages.node.addDependency(assets);
  }

  private acknowledge(props: WebSiteProps): void {
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The product is sold worldwide; there is no country to block.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "The bucket's server access logs record every object CloudFront fetches; CloudFront's standard logs would need an ACL-enabled bucket and mostly repeat cache hits of public files.",
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "No custom domain yet, so the distribution uses CloudFront's default certificate, whose minimum protocol CloudFront fixes; viewers are redirected to HTTPS.",
      },
    );
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'The waf input is false: a web ACL costs about $9/month per environment, and the sites are static files (no origin to overload; CloudFront absorbs floods).',
      });
    }
  }
}

/** Pages and other unhashed files: CloudFront keeps nothing, the objects' `no-cache` rules. */
function pagesCachePolicy(scope: Construct): CachePolicy {
  return new CachePolicy(scope, 'PagesCachePolicy', {
    comment: 'Pages: revalidate every request (objects carry Cache-Control: no-cache)',
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: Duration.seconds(0),
    ...noCacheKeyExtras(),
  });
}

/** `/_next/static/*`: content-hashed names never change content, so a year, whatever S3 says. */
function staticAssetsCachePolicy(scope: Construct): CachePolicy {
  const year = Duration.days(365);
  return new CachePolicy(scope, 'StaticAssetsCachePolicy', {
    comment: 'Content-hashed Next.js assets: immutable, cached for a year',
    minTtl: year,
    defaultTtl: year,
    maxTtl: year,
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
    ...noCacheKeyExtras(),
  });
}

/** Static files vary by nothing the viewer sends. */
function noCacheKeyExtras() {
  return {
    headerBehavior: CacheHeaderBehavior.none(),
    queryStringBehavior: CacheQueryStringBehavior.none(),
    cookieBehavior: CacheCookieBehavior.none(),
  };
}

/** The region's Cognito issuer origin, for the policy and the authority URL. */
export function cognitoIssuerOrigin(scope: Construct): string {
  const { region, urlSuffix } = Stack.of(scope);
  return `https://cognito-idp.${region}.${urlSuffix}`;
}
