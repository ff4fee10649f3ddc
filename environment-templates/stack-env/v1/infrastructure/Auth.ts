import { ADMIN_GROUP } from '@stack/kit';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPoolClient,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolClientOptions,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { removalPolicyFor } from './retention.js';

/** Inputs of the environment's authentication. */
export interface AuthProps {
  /** The environment's stage; names the hosted sign-in domain. */
  readonly stageName: string;
  /** Public DNS name of the environment; callback URLs use localhost when absent. */
  readonly domain?: string;
  /** Deletion protection and RETAIN when true; DESTROY when false. */
  readonly retainData: boolean;
}

/** Where a web app receives the authorization code and where it lands after signing out. */
interface AppUrls {
  /** Receives the authorization code after sign-in. */
  readonly callbackUrl: string;
  /** Where the hosted pages send the browser after sign-out. */
  readonly logoutUrl: string;
}

/**
 * The URLs of the two web apps: the public app at the environment's domain and the internal app
 * at `internal.<domain>`; without a domain, the local dev servers (ports 3000 and 3001).
 */
function appUrls(domain: string | undefined): { public: AppUrls; internal: AppUrls } {
  const origin = (host: string | undefined, port: number) =>
    host ? `https://${host}` : `http://localhost:${port}`;
  return {
    public: appUrlsOf(origin(domain, 3000)),
    internal: appUrlsOf(origin(domain && `internal.${domain}`, 3001)),
  };
}

/** The callback and sign-out URLs of an app served at `base` (an origin, no trailing slash). */
function appUrlsOf(base: string): AppUrls {
  return { callbackUrl: `${base}/auth/callback`, logoutUrl: `${base}/` };
}

/**
 * Amazon Cognito for the environment: a user pool signing in by email with self sign-up, the
 * `admin` group the GraphQL layer checks, and one app client per web app (public clients without
 * a secret: authorization code grant with PKCE on the hosted sign-in pages).
 */
export class Auth extends Construct {
  /** The user pool. */
  readonly userPool: UserPool;
  /** App client of the public web app. */
  readonly publicClient: UserPoolClient;
  /** App client of the internal (staff) web app. */
  readonly internalClient: UserPoolClient;
  /** The hosted sign-in domain (`stack-<stage>-<account>.auth.<region>.amazoncognito.com`). */
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Optional TOTP: users may protect their accounts; SMS codes are left out because every
      // text message is billed.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Lite: the free tier (10,000 monthly active users) and the classic hosted UI cover
      // sign-in with PKCE; threat protection needs the Plus plan ($0.02 per MAU).
      featurePlan: FeaturePlan.LITE,
      deletionProtection: props.retainData,
      removalPolicy: removalPolicyFor(props.retainData),
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP): shoppers sign up on their own, and requiring a second factor at sign-up would turn most of them away. Staff accounts should enable it.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan bills every monthly active user ($0.02) for threat protection; the Lite plan is free up to 10,000 MAU and covers sign-in with PKCE.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection (advanced security) needs the paid Plus feature plan, which bills every monthly active user; not worth it at zero traffic. Revisit for production tenants that require it.',
      },
    );

    new CfnUserPoolGroup(this, 'AdminGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: ADMIN_GROUP,
      description: 'Staff allowed to manage the catalogue and moderate reviews',
    });

    // Domain prefixes are unique per region across all AWS customers: the account id makes
    // collisions with other forks of this repository impossible.
    const account = Stack.of(this).account;
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: `stack-${props.stageName}-${account}` },
    });

    const urls = appUrls(props.domain);
    this.publicClient = this.userPool.addClient('PublicClient', clientOptions(urls.public));
    this.internalClient = this.userPool.addClient('InternalClient', clientOptions(urls.internal));
  }

  /**
   * Lets an app client also sign in from a hosted site (`https://<id>.cloudfront.net`): adds the
   * site's `/auth/callback` and `/` to the client's URLs. The sites are created after the clients
   * (their pages' CSP names the API, whose authorizer names the clients), hence a method.
   */
  allowSiteUrl(client: UserPoolClient, siteUrl: string): void {
    const cfnClient = client.node.defaultChild as CfnUserPoolClient;
    const urls = appUrlsOf(siteUrl);
    cfnClient.callbackUrLs = [...(cfnClient.callbackUrLs ?? []), urls.callbackUrl];
    cfnClient.logoutUrLs = [...(cfnClient.logoutUrLs ?? []), urls.logoutUrl];
  }
}

/**
 * A browser app's client: no secret (a browser cannot keep one) and the authorization code grant.
 * PKCE is the apps' side of the contract: Cognito supports it but does not enforce it, so the
 * web apps must always send a `code_challenge`.
 */
function clientOptions(urls: AppUrls): UserPoolClientOptions {
  return {
    generateSecret: false,
    authFlows: { userSrp: true },
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: [urls.callbackUrl],
      logoutUrls: [urls.logoutUrl],
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    preventUserExistenceErrors: true,
    accessTokenValidity: Duration.hours(1),
    idTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(30),
  };
}
