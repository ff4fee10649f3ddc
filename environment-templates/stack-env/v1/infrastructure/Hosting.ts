import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { cognitoIssuerOrigin, WebSite } from './hosting/WebSite.js';
import { SITE_SCOPES } from './hosting/SiteConfig.js';
import { type WebExport, webExportDirectory } from './hosting/webExportDirectory.js';
import { removalPolicyFor } from './retention.js';

/** The two web apps, by site name. */
export type WebSiteName = 'public' | 'internal';

/** Inputs of the environment's web hosting. */
export interface HostingProps {
  /** The environment's stage; goes into each site's `config.json`. */
  readonly stageName: string;
  /** The static export of each app (`web/app/out`, `web/internal/out`). */
  readonly exports: Readonly<Record<WebSiteName, WebExport>>;
  /** The environment's public GraphQL endpoint (Edge). */
  readonly apiUrl: string;
  /** The API's origin, which the pages may call (`https://<edge>.cloudfront.net`). */
  readonly apiOrigin: string;
  /** The user pool's id: the OIDC authority is its issuer URL. */
  readonly userPoolId: string;
  /** The hosted sign-in origin (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  readonly authDomainUrl: string;
  /** Each site's Cognito app client id. */
  readonly clientIds: Readonly<Record<WebSiteName, string>>;
  /** Keep buckets and logs (RETAIN) when true; DESTROY them with their objects when false. */
  readonly retainData: boolean;
  /** Days to keep the buckets' access logs. */
  readonly logRetentionDays: number;
  /** ARN of a CloudFront-scoped web ACL for both sites; none when absent. */
  readonly webAclArn?: string;
}

/**
 * The environment's two web sites, the public app (`web/app`) and the internal staff app
 * (`web/internal`): each a private S3 bucket behind its own CloudFront distribution, deployed
 * from the app's static export with a `/config.json` naming the API and the site's Cognito
 * client. S3 and CloudFront bill only storage and requests, so an idle environment pays cents.
 */
export class Hosting extends Construct {
  /** The public app's site. */
  readonly publicSite: WebSite;
  /** The internal app's site. */
  readonly internalSite: WebSite;
  /** Server access logs of both site buckets. */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: HostingProps) {
    super(scope, id);
    // Log delivery through a bucket policy instead of the LogDeliveryWrite ACL (ACLs stay off,
    // as AWS recommends); the flag is read from the construct tree, so it applies below only.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // S3's log delivery writes through the bucket policy CDK adds, not through ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
      removalPolicy: removalPolicyFor(props.retainData),
      autoDeleteObjects: !props.retainData,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access log bucket; logging its own writes would loop.',
    });

    const issuerOrigin = cognitoIssuerOrigin(this);
    const site = (name: WebSiteName, siteId: string) =>
      new WebSite(this, siteId, {
        stageName: props.stageName,
        siteName: name,
        webExport: webExportDirectory(this, props.exports[name]),
        config: {
          apiUrl: props.apiUrl,
          auth: {
            authority: `${issuerOrigin}/${props.userPoolId}`,
            clientId: props.clientIds[name],
            scopes: SITE_SCOPES,
            signOutUrl: `${props.authDomainUrl}/logout`,
          },
          stage: props.stageName,
        },
        origins: {
          api: props.apiOrigin,
          authIssuer: issuerOrigin,
          authDomain: props.authDomainUrl,
        },
        retainData: props.retainData,
        accessLogsBucket: this.accessLogs,
        ...(props.webAclArn && { webAclArn: props.webAclArn }),
      });
    this.publicSite = site('public', 'PublicSite');
    this.internalSite = site('internal', 'InternalSite');
    acknowledgeDeploymentHelpers(Stack.of(this), [
      this.publicSite.bucket,
      this.internalSite.bucket,
    ]);
  }
}

// The stack-level helpers aws-cdk-lib adds for BucketDeployment and autoDeleteObjects.
const DEPLOYMENT_HELPER_IDS = ['Custom::CDKBucketDeployment', 'Custom::S3AutoDeleteObjects'];

/**
 * cdk-nag findings on the Lambdas aws-cdk-lib adds for BucketDeployment and autoDeleteObjects:
 * their code, runtime and role are the library's, they run only during deployments (synchronously,
 * from CloudFormation), and each exists once per stack.
 */
function acknowledgeDeploymentHelpers(stack: Stack, siteBuckets: readonly Bucket[]): void {
  const wildcards = [
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
      (action) => `Action::${action}`,
    ),
    'Resource::*',
    `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
    ...siteBuckets.map(
      (bucket) => `Resource::<${stack.getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/*`,
    ),
  ];
  const helpers = stack.node.children.filter((child) =>
    DEPLOYMENT_HELPER_IDS.some((prefix) => child.node.id.startsWith(prefix)),
  );
  for (const helper of helpers) {
    Validations.of(helper).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "aws-cdk-lib's deploy-time helper comes with AWSLambdaBasicExecutionRole; it only writes its own logs.",
      },
      ...wildcards.map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason:
          'aws-cdk-lib grants the deployment helper s3:GetObject*/List*/DeleteObject* on the CDK asset bucket and the site buckets it syncs (objects are only known at deploy time), and cloudfront:CreateInvalidation, which has no resource-level form in the library.',
      })),
      {
        id: 'AwsSolutions-L1',
        reason: "The helper's runtime is chosen by aws-cdk-lib and moves with its upgrades.",
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: "The helper's runtime is chosen by aws-cdk-lib and moves with its upgrades.",
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by CloudFormation during deployments; a failure fails the deployment, there is no event to keep.',
      },
      {
        id: 'Serverless-LambdaTracing',
        reason:
          'A deploy-time helper of aws-cdk-lib; its runs show in CloudFormation events and its logs.',
      },
    );
  }
}
