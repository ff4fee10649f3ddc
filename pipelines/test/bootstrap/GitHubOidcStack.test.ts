import { describe, expect, it } from '@jest/globals';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { loadAccounts } from '../../src/accounts/loadAccounts.js';
import { GitHubOidcStack } from '../../src/bootstrap/GitHubOidcStack.js';

const accounts = loadAccounts();
const accountIds = Object.values(accounts.accounts);

/** The stack as githubOidcApp.ts builds it, for the shipped accounts file. */
function build(app = new App()): GitHubOidcStack {
  return new GitHubOidcStack(app, 'GitHubOidc', {
    env: { account: accounts.pipeline.accountId, region: accounts.pipeline.region },
    repository: 'acme/the-stack',
    roleName: accounts.pipeline.githubRoleName,
    accountIds,
  });
}

describe('Class: GitHubOidcStack', () => {
  const template = Template.fromStack(build());

  it('creates the OIDC provider of GitHub Actions for AWS STS, without a custom resource', () => {
    // Assess
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  it('lets only this repository’s workflows assume the deploy role', () => {
    // Assess
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'stack-github-deploy',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRoleWithWebIdentity',
            Effect: 'Allow',
            Principal: { Federated: { Ref: Match.anyValue() } },
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/the-stack:*' },
            },
          },
        ],
      },
    });
  });

  it('allows the deploy role nothing but the CDK bootstrap roles of the organization’s accounts', () => {
    // Act
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DeployRole') }] },
    });

    // Assess
    const documents = Object.values(policies).map(
      (policy) => (policy as { Properties: { PolicyDocument: unknown } }).Properties.PolicyDocument,
    );
    expect(documents).toEqual([
      {
        Version: '2012-10-17',
        Statement: [
          {
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Effect: 'Allow',
            Resource: accountIds.map((id) => `arn:aws:iam::${id}:role/cdk-*`),
            Condition: {
              StringEquals: {
                'iam:ResourceTag/aws-cdk:bootstrap-role': [
                  'deploy',
                  'file-publishing',
                  'image-publishing',
                  'lookup',
                ],
              },
            },
          },
        ],
      },
    ]);
  });

  it('lets only the GitHub environment bootstrap take the bootstrap role, which reaches stack-bootstrap only', () => {
    // Assess
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'stack-github-bootstrap',
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub':
                  'repo:acme/the-stack:environment:bootstrap',
              },
            },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^BootstrapRole') }],
      PolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Resource: accountIds.map((id) => `arn:aws:iam::${id}:role/stack-bootstrap`),
          },
        ],
      },
    });
  });

  it('passes cdk-nag, with the one wildcard acknowledged for a reason', () => {
    // Prepare
    const app = new App({ context: { '@aws-cdk/core:appMode': 'inmemory' } });
    build(app);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));

    // Act + Assess
    expect(() => app.synth()).not.toThrow();
  });

  it('refuses a repository that is not owner/name', () => {
    // Act + Assess
    expect(
      () =>
        new GitHubOidcStack(new App(), 'Bad', {
          repository: 'the-stack',
          roleName: 'r',
          accountIds,
        }),
    ).toThrow('repository must be owner/name, got "the-stack"');
  });
});
