import { describe, expect, it } from '@jest/globals';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import {
  SubgraphServiceStack,
  subgraphFunctionName,
  type SubgraphServiceInputs,
} from '../infrastructure/index.js';

const DEFAULTS: SubgraphServiceInputs = {
  owner: 'team-reviews',
  memorySize: 512,
  timeout: 10,
  provisionedConcurrency: 0,
  environment: {},
  subscriptions: [],
  readsFrom: [],
  alarms: false,
};

const ENVIRONMENT = {
  valueParameters: {},
  tableNameParameter: '/stack/integration/table/name',
  tableArnParameter: '/stack/integration/table/arn',
  eventBusArnParameter: '/stack/integration/event-bus/arn',
  alarmTopicArnParameter: '/stack/integration/alarms/topic-arn',
  routerRoleArnParameter: '/stack/integration/router/role-arn',
  routerSecretParameterName: '/stack/integration/router/shared-secret',
  logRetentionDays: 30,
  retainData: true,
  alarms: true,
};

function build(
  inputs: Partial<SubgraphServiceInputs> = {},
  options: { alarms?: boolean; nag?: boolean } = {},
) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new SubgraphServiceStack(app, 'Reviews', {
    serviceName: 'reviews',
    stageName: 'integration',
    inputs: { ...DEFAULTS, ...inputs },
    environment: { ...ENVIRONMENT, alarms: options.alarms ?? true },
    env: { account: '111111111111', region: 'eu-west-1' },
  });
  if (options.nag) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return { app, stack };
}

interface Statement {
  readonly Sid?: string;
  readonly Action: unknown;
  readonly Condition?: unknown;
}

function statements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
        .PolicyDocument.Statement,
  );
}

describe('Class: SubgraphServiceStack', () => {
  it('names the function deterministically and bundles it like every Stack function', () => {
    // Act
    const template = Template.fromStack(build().stack);

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'stack-integration-reviews',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: Match.stringLikeRegexp('SsmParameterValuestackintegrationtablename') },
          ROUTER_SHARED_SECRET_PARAMETER: '/stack/integration/router/shared-secret',
        },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('lets the role touch only its own keys, put only its own events and read the secret', () => {
    // Act
    const template = Template.fromStack(build({ readsFrom: ['products'] }).stack);

    // Assess
    const bySid: Record<string, Statement | undefined> = Object.fromEntries(
      statements(template).map((s) => [s.Sid ?? '', s]),
    );
    expect(bySid.OwnItems?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['reviews#*'] },
    });
    expect(bySid.OwnItems?.Action).not.toContain('dynamodb:*');
    expect(bySid.ReadItemsOfProducts).toMatchObject({
      Action: ['dynamodb:GetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:BatchGetItem'],
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['products#*'] } },
    });
    expect(bySid.PutOwnEvents).toMatchObject({
      Action: 'events:PutEvents',
      Condition: { StringEquals: { 'events:source': 'stack.reviews' } },
    });
    expect(bySid.ReadRouterSecret).toMatchObject({ Action: 'ssm:GetParameter' });
    const dynamo = statements(template).filter((s) =>
      JSON.stringify(s.Action).includes('dynamodb:'),
    );
    expect(dynamo.every((s) => s.Condition !== undefined)).toBe(true);
  });

  it('allows only the router role to invoke the function', () => {
    // Act
    const template = Template.fromStack(build().stack);

    // Assess
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: { Ref: Match.stringLikeRegexp('SsmParameterValuestackintegrationrouterrolearn') },
    });
  });

  it('adds error and throttle alarms only when the service asks and the environment has alarms', () => {
    // Act
    const on = Template.fromStack(build({ alarms: true }).stack);
    const off = Template.fromStack(build({ alarms: true }, { alarms: false }).stack);
    const byDefault = Template.fromStack(build().stack);

    // Assess
    on.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    on.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'stack-integration-reviews-throttles',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('SsmParameterValuestackintegrationalarms') }],
    });
    off.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    byDefault.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  it('applies concurrency, extra variables and subscriptions with a dead-letter queue', () => {
    // Act
    const template = Template.fromStack(
      build({
        reservedConcurrency: 5,
        provisionedConcurrency: 1,
        environment: { FEATURE_X: 'on' },
        subscriptions: [{ source: ['stack.products'], detailType: ['ProductCreated'] }],
      }).stack,
    );

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 5,
      Environment: { Variables: Match.objectLike({ FEATURE_X: 'on' }) },
    });
    template.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['stack.products'], 'detail-type': ['ProductCreated'] },
    });
    template.resourceCountIs('AWS::SQS::Queue', 1);
  });

  it('passes cdk-nag (AwsSolutions, Serverless) with every option on', () => {
    // Prepare
    const { app } = build(
      {
        reservedConcurrency: 5,
        readsFrom: ['products'],
        subscriptions: [{ source: ['stack.products'] }],
      },
      { nag: true },
    );

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).not.toThrow();
  });

  it('refuses a function name over Lambda limit of 64 characters', () => {
    // Act
    const long = () => subgraphFunctionName('production-single-tenant-acme', 'a'.repeat(40));

    // Assess
    expect(long).toThrow(/is 76 characters, Lambda allows 64/);
  });
});
