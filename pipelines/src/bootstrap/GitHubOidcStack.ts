import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  OidcProviderNative,
  PolicyStatement,
  Role,
  WebIdentityPrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import {
  ACCOUNT_BOOTSTRAP_ROLE_NAME,
  BOOTSTRAP_ENVIRONMENT,
  CDK_BOOTSTRAP_ROLES,
  GITHUB_BOOTSTRAP_ROLE_NAME,
  GITHUB_OIDC_HOST,
} from './githubAccess.js';

/** What the pipeline account's GitHub access needs. */
export interface GitHubOidcStackProps extends StackProps {
  /** `owner/name`: the only repository whose workflows may assume the roles. */
  readonly repository: string;
  /** The deploy role's name (`pipeline.githubRoleName` of pipelines/accounts.yaml). */
  readonly roleName: string;
  /** Every account of pipelines/accounts.yaml: the roles reach these and no others. */
  readonly accountIds: readonly string[];
}

/**
 * The pipeline account's door for GitHub Actions, with no static keys: the OIDC provider of
 * token.actions.githubusercontent.com and two roles only this repository's workflows can take.
 *
 * - `roleName` (pipeline.githubRoleName): every workflow of the repository (deploy, preview,
 *   sweeper). It may only assume the CDK bootstrap roles (deploy, asset publishing, lookup) of
 *   the organization's accounts; CloudFormation's execution role does the deploying.
 * - `stack-github-bootstrap`: only jobs in the GitHub environment `bootstrap` (bootstrap.yml).
 *   It may only assume the `stack-bootstrap` administrator role of each account.
 */
export class GitHubOidcStack extends Stack {
  readonly provider: OidcProviderNative;
  readonly deployRole: Role;
  readonly bootstrapRole: Role;

  constructor(scope: Construct, id: string, props: GitHubOidcStackProps) {
    super(scope, id, props);
    if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(props.repository)) {
      throw new Error(`repository must be owner/name, got "${props.repository}"`);
    }
    if (props.accountIds.length === 0) throw new Error('no accounts for the roles to reach');

    // The native AWS::IAM::OIDCProvider, not the custom-resource OpenIdConnectProvider: no Lambda
    // to run and keep patched. No thumbprints: IAM trusts GitHub's certificate authority itself.
    this.provider = new OidcProviderNative(this, 'GitHubProvider', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIds: ['sts.amazonaws.com'],
    });
    // aud: tokens minted for AWS STS; sub: which repository, ref or environment asks.
    const trust = (subject: { StringEquals: string } | { StringLike: string }) => {
      const [operator, value] = Object.entries(subject)[0] as [string, string];
      const audience = { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com' };
      const sub = { [`${GITHUB_OIDC_HOST}:sub`]: value };
      return new WebIdentityPrincipal(
        this.provider.oidcProviderArn,
        operator === 'StringEquals'
          ? { StringEquals: { ...audience, ...sub } }
          : { StringEquals: audience, [operator]: sub },
      );
    };

    this.deployRole = new Role(this, 'DeployRole', {
      roleName: props.roleName,
      description: `GitHub Actions of ${props.repository}: deploys through the CDK bootstrap roles`,
      // Any branch, pull request or environment of this repository; nothing of another.
      assumedBy: trust({ StringLike: `repo:${props.repository}:*` }),
      maxSessionDuration: Duration.hours(1),
    });
    this.deployRole.addToPolicy(
      new PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: props.accountIds.map((account) => `arn:aws:iam::${account}:role/cdk-*`),
        conditions: {
          StringEquals: { 'iam:ResourceTag/aws-cdk:bootstrap-role': CDK_BOOTSTRAP_ROLES },
        },
      }),
    );
    for (const account of props.accountIds) {
      Validations.of(this.deployRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:aws:iam::${account}:role/cdk-*]`,
        reason:
          'cdk-* stands for the bootstrap roles, whose names carry the qualifier and region (cdk-hnb659fds-deploy-role-<account>-<region>); only the organization’s accounts are listed, and the aws-cdk:bootstrap-role tag condition narrows them to the four roles cdk bootstrap creates.',
      });
    }

    this.bootstrapRole = new Role(this, 'BootstrapRole', {
      roleName: GITHUB_BOOTSTRAP_ROLE_NAME,
      description: `GitHub Actions of ${props.repository}, environment ${BOOTSTRAP_ENVIRONMENT} only: runs cdk bootstrap`,
      assumedBy: trust({
        StringEquals: `repo:${props.repository}:environment:${BOOTSTRAP_ENVIRONMENT}`,
      }),
      maxSessionDuration: Duration.hours(1),
    });
    this.bootstrapRole.addToPolicy(
      new PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: props.accountIds.map(
          (account) => `arn:aws:iam::${account}:role/${ACCOUNT_BOOTSTRAP_ROLE_NAME}`,
        ),
      }),
    );
  }
}
