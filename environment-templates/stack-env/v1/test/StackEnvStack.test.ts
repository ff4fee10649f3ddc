import { describe, expect, it } from '@jest/globals';
import { TABLE_SCHEMA } from '@stack/kit';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENVIRONMENT_PARAMETERS, TEMPLATE_ID } from '../infrastructure/index.js';
import { FUNCTION_ENTRIES } from '../infrastructure/repositoryPaths.js';
import {
  buildEnvironment,
  resolved,
  resourcesOf,
  stacksOf,
  synthesizeEnvironment,
  TEST_ACCOUNT,
} from './support/synthesizeEnvironment.js';

// The combinations most tests look at; each is synthesized once per file.
const defaults = () => synthesizeEnvironment();
const preview = () =>
  synthesizeEnvironment({
    stageName: 'preview-pr-7',
    production: false,
    inputs: {
      retainData: false,
      network: 'isolated',
      dashboard: false,
      alarms: false,
      logRetentionDays: 3,
    },
  });
const production = () =>
  synthesizeEnvironment({
    stageName: 'production-single-tenant',
    inputs: {
      tenancy: 'single',
      tenant: 'acme',
      waf: true,
      network: 'nat',
      alarmEmail: 'ops@example.com',
      domain: 'shop.example.com',
    },
    subgraphFunctions: { users: 'users-fn', reviews: 'reviews-fn' },
  });
const usEast1 = () => synthesizeEnvironment({ region: 'us-east-1', inputs: { waf: true } });

/** The one Lambda function whose description contains the given text. */
function functionNamed(template: Template, descriptionPart: string) {
  const functions = resourcesOf(template, 'AWS::Lambda::Function').filter((fn) =>
    String(fn.properties.Description).includes(descriptionPart),
  );
  expect(functions).toHaveLength(1);
  return { Properties: functions[0]!.properties };
}

describe('StackEnvStack: the table', () => {
  it('creates one on-demand table with the kit keys, the GSI, the stream and TTL', () => {
    // Prepare
    const { template } = defaults();

    // Act
    const tables = template.findResources('AWS::DynamoDB::Table');

    // Assess
    expect(Object.keys(tables)).toHaveLength(1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLive, Enabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: TABLE_SCHEMA.gsi1.indexName,
          KeySchema: [
            { AttributeName: TABLE_SCHEMA.gsi1.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_SCHEMA.gsi1.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      // SSEEnabled false means the AWS owned key: encrypted at rest, at no charge.
      SSESpecification: { SSEEnabled: false },
    });
  });

  it('keeps the data by default: point-in-time recovery, deletion protection and RETAIN', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('lets a disposable environment go: DESTROY, no point-in-time recovery or deletion protection', () => {
    // Prepare
    const { template } = preview();

    // Act + Assess
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
        DeletionProtectionEnabled: false,
      }),
    });
  });
});

describe('StackEnvStack: events', () => {
  it('names the bus after the stage and archives its events for 30 days', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'stack-integration' });
    template.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 30 });
  });

  it('archives for one day only when the data is disposable', () => {
    preview().template.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 1 });
  });

  it('pipes the table stream through the publisher, with a DLQ for failed records', () => {
    // Prepare
    const { template, stack } = defaults();
    const resolve = (value: unknown) => resolved(stack, value);

    // Act
    const pipes = template.findResources('AWS::Pipes::Pipe');

    // Assess
    expect(Object.keys(pipes)).toHaveLength(1);
    template.hasResourceProperties('AWS::Pipes::Pipe', {
      Source: resolve(stack.table.table.tableStreamArn),
      Target: resolve(stack.tableStreamPipe.publisher.function.functionArn),
      SourceParameters: {
        DynamoDBStreamParameters: {
          StartingPosition: 'LATEST',
          BatchSize: 10,
          MaximumRetryAttempts: 3,
          OnPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          DeadLetterConfig: { Arn: resolve(stack.tableStreamPipe.deadLetterQueue.queueArn) },
        },
      },
      TargetParameters: { LambdaFunctionParameters: { InvocationType: 'REQUEST_RESPONSE' } },
    });
  });

  it('lets the publisher put events on the bus and nothing else, and only the pipe invoke it', () => {
    // Prepare
    const { template, stack } = defaults();
    const resolve = (value: unknown) => resolved(stack, value);
    const publisher = stack.tableStreamPipe.publisher;

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Role: resolve(publisher.role.roleArn),
      Environment: { Variables: { EVENT_BUS_NAME: resolve(stack.eventBus.bus.eventBusName) } },
    });
    const roleId = stack.getLogicalId(publisher.role.node.defaultChild as never);
    interface PolicyResource {
      Properties: { Roles: unknown; PolicyDocument: { Statement: { Action: unknown }[] } };
    }
    const statements = (
      Object.values(template.findResources('AWS::IAM::Policy')) as PolicyResource[]
    )
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .map((statement) => statement.Action);
    expect(statements.flat()).toEqual(
      expect.arrayContaining(['events:PutEvents', 'xray:PutTraceSegments']),
    );
    expect(statements.flat()).not.toContain('dynamodb:GetItem');
  });
});

describe('StackEnvStack: queues', () => {
  it('gives the notifications and work queues a DLQ after 5 receives, all encrypted', () => {
    // Prepare
    const { template, stack } = defaults();
    const { notificationsDeadLetterQueue, workDeadLetterQueue } = stack.queues;

    // Act
    const queues = resourcesOf(template, 'AWS::SQS::Queue');

    // Assess: 2 queues, their 2 DLQs and the pipe's DLQ.
    expect(queues).toHaveLength(5);
    for (const queue of queues) {
      expect(queue.properties).toMatchObject({ SqsManagedSseEnabled: true });
    }
    for (const deadLetterQueue of [notificationsDeadLetterQueue, workDeadLetterQueue]) {
      template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: {
          deadLetterTargetArn: resolved(stack, deadLetterQueue.queueArn),
          maxReceiveCount: 5,
        },
      });
    }
    template.resourcePropertiesCountIs(
      'AWS::SQS::Queue',
      { MessageRetentionPeriod: 14 * 24 * 3600 },
      3,
    );
  });
});

describe('StackEnvStack: API', () => {
  it('gives the authorizer no identity source, simple responses, payload 2.0 and no cache', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      AuthorizerResultTtlInSeconds: 0,
      IdentitySource: Match.absent(),
    });
  });

  it('routes ANY /graphql to the router through the authorizer', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /graphql',
      AuthorizationType: 'CUSTOM',
      AuthorizerId: Match.anyValue(),
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
  });

  it('logs every request of the $default stage as JSON and throttles it', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('^\\{"requestId":"\\$context.requestId"'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
  });

  it('builds the runtime functions for arm64 on Node.js 24 with active tracing and their own log group', () => {
    // Prepare
    const { template } = defaults();

    // Act
    const functions = ['GraphQL router', 'Cognito access tokens', '<Entity><Change> events'].map(
      (description) => functionNamed(template, description),
    );

    // Assess
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
      });
    }
    // Router, authorizer, publisher, API access logs, and the router secret's two deploy-time
    // functions.
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 6);
  });

  it('configures the router: the secret parameter’s name (not the secret), production mode, direct invoke', () => {
    // Prepare
    const { template } = defaults();

    // Act
    const router = functionNamed(template, 'GraphQL router');

    // Assess
    expect(router.Properties.Environment).toEqual({
      Variables: {
        ROUTER_SHARED_SECRET_PARAMETER: '/stack/integration/router/shared-secret',
        PRODUCTION: 'true',
        TRUSTED_DOCUMENTS_ONLY: 'false',
        SUBGRAPH_TOPOLOGY: 'distributed',
        SUBGRAPH_FUNCTIONS: '{}',
        SUBGRAPH_TIMEOUT_MS: '5000',
        MAX_BODY_BYTES: '100000',
      },
    });
  });

  it('lets the router invoke exactly the subgraph functions it is given', () => {
    // Prepare
    const { template } = production();

    // Act
    const router = functionNamed(template, 'GraphQL router');

    // Assess
    expect(router.Properties.Environment).toMatchObject({
      Variables: { SUBGRAPH_FUNCTIONS: '{"reviews":"reviews-fn","users":"users-fn"}' },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 'lambda:InvokeFunction',
            Effect: 'Allow',
            Resource: [
              Match.stringLikeRegexp(':function:reviews-fn$'),
              Match.stringLikeRegexp(':function:users-fn$'),
            ].map((name) => ({ 'Fn::Join': ['', Match.arrayWith([name])] })),
          },
        ]),
      },
    });
  });

  it('turns production mode off when told so', () => {
    const router = functionNamed(preview().template, 'GraphQL router');
    expect(router.Properties.Environment).toMatchObject({ Variables: { PRODUCTION: 'false' } });
  });

  it('configures the authorizer with the user pool issuer and both app clients', () => {
    // Prepare
    const { template, stack } = defaults();
    const { userPool, publicClient, internalClient } = stack.auth;

    // Act
    const authorizer = functionNamed(template, 'Cognito access tokens');

    // Assess
    expect(authorizer.Properties.Environment).toEqual({
      Variables: {
        AUTH_ISSUER: resolved(stack, userPool.userPoolProviderUrl),
        AUTH_CLIENT_IDS: resolved(
          stack,
          `${publicClient.userPoolClientId},${internalClient.userPoolClientId}`,
        ),
      },
    });
  });

  it('fronts the API with CloudFront: HTTPS only, nothing cached, every viewer header but Host', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          // The managed CachingDisabled and AllViewerExceptHostHeader policies.
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
        }),
        Origins: [
          Match.objectLike({
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ],
        WebACLId: Match.absent(),
      }),
    });
  });
});

describe('StackEnvStack: the router secret', () => {
  const PARAMETER = '/stack/integration/router/shared-secret';
  /** Statements of every IAM policy of a template, flattened. */
  const statementsOf = (template: Template) =>
    resourcesOf(template, 'AWS::IAM::Policy').flatMap(
      (policy) =>
        (policy.properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
  /** A template fragment as text, tokens joined, for matching an ARN it builds. */
  const text = (value: unknown) => JSON.stringify(value).replace(/","/g, '');

  it('creates a free SSM SecureString at deploy time instead of a $0.40 Secrets Manager secret', () => {
    // Prepare
    const { template } = defaults();

    // Act
    const secrets = resourcesOf(template, 'AWS::SecretsManager::Secret');
    const parameters = resourcesOf(template, 'Custom::RouterSharedSecret');

    // Assess
    expect(secrets).toEqual([]);
    expect(parameters).toHaveLength(1);
    expect(parameters[0]?.properties).toEqual({
      ServiceToken: expect.anything(),
      ParameterName: PARAMETER,
    });
    template.hasResource('Custom::RouterSharedSecret', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('deletes the parameter with a disposable environment', () => {
    preview().template.hasResource('Custom::RouterSharedSecret', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ ParameterName: '/stack/preview-pr-7/router/shared-secret' }),
    });
  });

  it('lets the router read that one parameter and nothing else of SSM or KMS', () => {
    // Prepare
    const { template, stack } = defaults();
    const routerRole = resolved(stack, stack.api.router.role.roleName);

    // Act
    const routerPolicies = resourcesOf(template, 'AWS::IAM::Policy').filter((policy) =>
      JSON.stringify(policy.properties.Roles).includes(JSON.stringify(routerRole)),
    );
    const statements = routerPolicies.flatMap(
      (policy) =>
        (policy.properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    const ssmOrKms = statements.filter((statement) =>
      /"(ssm|kms):/.test(JSON.stringify(statement.Action)),
    );

    // Assess: the AWS managed key aws/ssm lets the account's principals decrypt through SSM.
    expect(ssmOrKms).toHaveLength(1);
    expect(ssmOrKms[0]).toMatchObject({ Action: 'ssm:GetParameter', Effect: 'Allow' });
    expect(text(ssmOrKms[0]?.Resource)).toMatch(
      /:parameter\/stack\/integration\/router\/shared-secret"/,
    );
  });

  it('lets the custom resource function put and delete that parameter only', () => {
    // Prepare
    const { template } = defaults();

    // Act
    const writes = statementsOf(template).filter((statement) =>
      JSON.stringify(statement.Action).includes('ssm:PutParameter'),
    );

    // Assess
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ Action: ['ssm:PutParameter', 'ssm:DeleteParameter'] });
    expect(text(writes[0]?.Resource)).toMatch(
      /:parameter\/stack\/integration\/router\/shared-secret"/,
    );
  });

  it('deploys the router only after the parameter exists', () => {
    // Prepare
    const { template } = defaults();
    const [custom] = Object.keys(template.findResources('Custom::RouterSharedSecret'));

    // Act
    const routers = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('GraphQL router') },
    }) as Record<string, { DependsOn?: string[] }>;

    // Assess
    expect(Object.values(routers)[0]?.DependsOn).toContain(custom);
  });
});

describe('StackEnvStack: auth', () => {
  it('creates a user pool signing in by email, with a strong password policy and an admin group', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        DeletionProtection: 'ACTIVE',
        UserPoolTier: 'LITE',
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
  });

  it('creates public app clients: no secret, code grant, localhost and site callbacks without a domain', () => {
    // Prepare
    const { template } = defaults();

    // Act + Assess
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    for (const port of [3000, 3001]) {
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        // The second is the hosted site's (Hosting.test.ts checks which).
        CallbackURLs: [`http://localhost:${port}/auth/callback`, Match.anyValue()],
      });
    }
  });

  it('uses the domain for callbacks when there is one', () => {
    // Prepare
    const { template } = production();

    // Act + Assess
    for (const host of ['shop.example.com', 'internal.shop.example.com']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        CallbackURLs: [`https://${host}/auth/callback`, Match.anyValue()],
      });
    }
  });

  it('lets the user pool of a disposable environment go', () => {
    preview().template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
    });
  });
});

describe('StackEnvStack: waf', () => {
  it('creates no web ACL anywhere when waf is false', () => {
    // Prepare
    const { app, stack } = defaults();

    // Act
    const stacks = stacksOf(app);

    // Assess
    expect(stacks).toEqual([stack]);
    for (const each of stacks) Template.fromStack(each).resourceCountIs('AWS::WAFv2::WebACL', 0);
  });

  it('puts the web ACL in a us-east-1 stack with the managed rule groups and a rate rule', () => {
    // Prepare
    const { stack } = production();
    const webAclStack = stack.webAclStack;

    // Act
    const template = Template.fromStack(webAclStack!);

    // Assess
    expect(webAclStack?.region).toBe('us-east-1');
    expect(webAclStack?.account).toBe(TEST_ACCOUNT);
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
            }),
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesKnownBadInputsRuleSet',
            },
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesAmazonIpReputationList',
            },
          },
        }),
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } },
        }),
      ],
    });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: ENVIRONMENT_PARAMETERS('production-single-tenant').webAclArn,
    });
  });

  it('reads the ACL ARN from us-east-1 into the distribution, after the ACL stack deployed', () => {
    // Prepare
    const { stack, template } = production();

    // Act
    const readers = template.findResources('Custom::CrossRegionParameter');

    // Assess
    expect(Object.keys(readers)).toHaveLength(1);
    const reader = Object.values(readers)[0] as { Properties: { Create: string } };
    expect(JSON.parse(reader.Properties.Create)).toMatchObject({
      action: 'getParameter',
      region: 'us-east-1',
      parameters: { Name: ENVIRONMENT_PARAMETERS('production-single-tenant').webAclArn },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: { 'Fn::GetAtt': [Object.keys(readers)[0], 'Parameter.Value'] },
      }),
    });
    expect(stack.dependencies).toContain(stack.webAclStack);
  });

  it('keeps the web ACL in the stack itself when the environment is in us-east-1', () => {
    // Prepare
    const { app, stack, template } = usEast1();

    // Act + Assess
    expect(stacksOf(app)).toEqual([stack]);
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.resourceCountIs('Custom::CrossRegionParameter', 0);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
      }),
    });
  });
});

describe('StackEnvStack: network', () => {
  it('creates no VPC when the network is none', () => {
    defaults().template.resourceCountIs('AWS::EC2::VPC', 0);
  });

  it('creates an isolated VPC with free gateway endpoints only, and keeps the API functions out', () => {
    // Prepare
    const { template } = preview();

    // Act
    const endpoints = resourcesOf(template, 'AWS::EC2::VPCEndpoint');

    // Assess
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    expect(endpoints.map((endpoint) => endpoint.properties.VpcEndpointType)).toEqual([
      'Gateway',
      'Gateway',
    ]);
    expect(JSON.stringify(endpoints)).toMatch(/\.dynamodb".*\.s3"|\.s3".*\.dynamodb"/);
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    for (const description of ['GraphQL router', 'Cognito access tokens']) {
      expect(functionNamed(template, description).Properties.VpcConfig).toBeUndefined();
    }
  });

  it.each(['isolated', 'nat'] as const)(
    'synthesizes the %s network offline: no availability-zone lookup, the two zones named',
    (network) => {
      // Prepare: a fresh app with no context at all, as on a machine without AWS credentials.
      const { app, stack } = buildEnvironment({ inputs: { network } });

      // Act
      const assembly = app.synth();

      // Assess
      expect(assembly.manifest.missing ?? []).toEqual([]);
      expect(stack.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
      const zones = resourcesOf(Template.fromStack(stack), 'AWS::EC2::Subnet').map(
        (subnet) => subnet.properties.AvailabilityZone,
      );
      expect([...new Set(zones)].sort()).toEqual(['eu-west-1a', 'eu-west-1b']);
    },
  );

  it('creates one NAT gateway for the nat network and attaches the functions', () => {
    // Prepare
    const { template } = production();

    // Act + Assess
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    for (const description of ['GraphQL router', 'Cognito access tokens']) {
      expect(functionNamed(template, description).Properties.VpcConfig).toMatchObject({
        SubnetIds: [expect.anything(), expect.anything()],
      });
    }
  });
});

describe('StackEnvStack: monitoring', () => {
  it('creates the dashboard and the alarms, each notifying the alarm topic', () => {
    // Prepare
    const { template, stack } = defaults();
    const topic = resolved(stack, stack.alarmTopic.topic.topicArn);

    // Act
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    // API 5xx and p99, Lambda errors and throttles, 3 DLQs, 2 table throttles.
    expect(alarms).toHaveLength(9);
    for (const alarm of alarms) {
      expect(alarm.properties).toMatchObject({ AlarmActions: [topic], OKActions: [topic] });
    }
  });

  it('stays within the 10 alarm metrics CloudWatch gives an account for free, so the defaults cost $0', () => {
    // Prepare
    const { template } = defaults();

    // Act: CloudWatch bills alarms per metric; a metric-math alarm per metric in its expression.
    const metrics = resourcesOf(template, 'AWS::CloudWatch::Alarm').map((alarm) => {
      const math = alarm.properties.Metrics as { MetricStat?: unknown }[] | undefined;
      return math ? math.filter((query) => query.MetricStat).length : 1;
    });

    // Assess
    expect(metrics.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(10);
  });

  it('watches Lambda account-wide, so every service is covered, leaving out the authorizer’s refusals', () => {
    // Prepare
    const { template, stack } = defaults();
    const authorizerName = resolved(stack, stack.api.authorizer.function.functionName);

    // Act
    const names = resourcesOf(template, 'AWS::CloudWatch::Alarm').map((alarm) =>
      String(alarm.properties.AlarmName),
    );

    // Assess: no alarm per function; errors of all functions minus the authorizer's.
    expect(names.filter((name) => /router|authorizer/.test(name))).toEqual([]);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'stack-integration-lambda-errors',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'FILL(all, 0) - FILL(a0, 0)' }),
        Match.objectLike({
          Id: 'all',
          MetricStat: Match.objectLike({
            Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors' },
          }),
        }),
        Match.objectLike({
          Id: 'a0',
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              Dimensions: [{ Name: 'FunctionName', Value: authorizerName }],
            }),
          }),
        }),
      ]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'stack-integration-lambda-throttles',
      Metrics: [
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: { Namespace: 'AWS/Lambda', MetricName: 'Throttles' },
          }),
        }),
      ],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'stack-integration-api-5xx',
      Metrics: [
        Match.objectLike({
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '5xx' }) }),
        }),
      ],
      Threshold: 1,
      EvaluationPeriods: 1,
    });
  });

  it('shows the services’ functions on the dashboard by name', () => {
    // Prepare
    const { template } = production();

    // Act
    const body = JSON.stringify(
      resourcesOf(template, 'AWS::CloudWatch::Dashboard')[0]?.properties.DashboardBody,
    );

    // Assess
    expect(body).toContain('reviews-fn');
    expect(body).toContain('users-fn');
  });

  it('creates no dashboard and no alarms when both are off', () => {
    // Prepare
    const { template } = preview();

    // Act + Assess
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  it('subscribes the alarm email to the topic only when one is given', () => {
    // Prepare
    const withEmail = production().template;
    const withoutEmail = defaults().template;

    // Act + Assess
    withEmail.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
    withoutEmail.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('StackEnvStack: what it publishes', () => {
  it('publishes the SSM parameters under the ENVIRONMENT_PARAMETERS names', () => {
    // Prepare
    const names = ENVIRONMENT_PARAMETERS('integration');
    const { template } = defaults();

    // Act
    const published = resourcesOf(template, 'AWS::SSM::Parameter').map((parameter) =>
      String(parameter.properties.Name),
    );

    // Assess: everything but the network (none here), the web ACL (us-east-1 stack) and the
    // router secret (a SecureString the custom resource writes).
    const {
      vpcId,
      privateSubnetIds,
      lambdaSecurityGroupId,
      webAclArn,
      routerSharedSecret,
      ...expected
    } = names;
    expect(published.sort()).toEqual(Object.values(expected).sort());
    expect(published.every((name) => name.startsWith('/stack/integration/'))).toBe(true);
    expect([
      vpcId,
      privateSubnetIds,
      lambdaSecurityGroupId,
      webAclArn,
      routerSharedSecret,
    ]).not.toContain(published[0]);
  });

  it('publishes the network parameters when there is a VPC', () => {
    // Prepare
    const names = ENVIRONMENT_PARAMETERS('preview-pr-7');

    // Act + Assess
    for (const name of [names.vpcId, names.privateSubnetIds, names.lambdaSecurityGroupId]) {
      preview().template.hasResourceProperties('AWS::SSM::Parameter', { Name: name });
    }
  });

  it('outputs the API URL and the user pool and client ids for the pipeline', () => {
    // Prepare
    const { template } = defaults();

    // Act
    const outputs = template.findOutputs('*');

    // Assess
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'ApiUrl',
        'AuthDomainUrl',
        'InternalClientId',
        'InternalSiteUrl',
        'PublicClientId',
        'PublicSiteUrl',
        'UserPoolId',
      ].sort(),
    );
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain('/graphql');
  });

  it('tags resources with the stage and the template, and the tenant of a single-tenant one', () => {
    // Prepare
    const tagsOf = (template: Template) =>
      resourcesOf(template, 'AWS::SQS::Queue')[0]?.properties.Tags;

    // Act + Assess
    expect(tagsOf(defaults().template)).toEqual([
      { Key: 'stack:stage', Value: 'integration' },
      { Key: 'stack:template', Value: TEMPLATE_ID },
    ]);
    expect(tagsOf(production().template)).toEqual([
      { Key: 'stack:stage', Value: 'production-single-tenant' },
      { Key: 'stack:template', Value: 'stack-env@1' },
      { Key: 'stack:tenant', Value: 'acme' },
    ]);
    const webAclTags = Template.fromStack(production().stack.webAclStack!).findResources(
      'AWS::WAFv2::WebACL',
    );
    expect(JSON.stringify(webAclTags)).toContain('"Key":"stack:tenant","Value":"acme"');
  });
});

describe('StackEnvStack: synthesis', () => {
  it.each([
    ['the defaults', defaults],
    ['a preview', preview],
    ['a production tenant', production],
    ['a us-east-1 environment', usEast1],
  ])('leaves no warning or error annotation in %s', (_name, environment) => {
    // Prepare
    const { app } = environment();

    // Act
    const annotations = stacksOf(app).flatMap((stack) => {
      const found = Annotations.fromStack(stack);
      return (
        [...found.findWarning('*', Match.anyValue()), ...found.findError('*', Match.anyValue())]
          .map((message) => `${message.id}: ${JSON.stringify(message.entry.data)}`)
          // Whether the web exports exist depends on `npm run build` having run (a fresh clone
          // has none); Hosting.test.ts covers that warning.
          .filter((text) => !text.includes('@stack/stack-env:webExportMissing'))
      );
    });

    // Assess
    expect(annotations).toEqual([]);
  });
});

describe('StackEnvStack: colocated subgraphs', () => {
  const colocated = () =>
    synthesizeEnvironment({
      inputs: { subgraphTopology: 'colocated' },
      colocatedSubgraphs: {
        // Any file: these tests skip bundling.
        entry: FUNCTION_ENTRIES.router,
        subgraphs: [
          { name: 'users', readsFrom: [] },
          { name: 'reviews', readsFrom: ['products'] },
        ],
      },
    });

  it('builds the router from the generated entry with the table instead of a subgraph list', () => {
    // Prepare
    const { template, stack } = colocated();

    // Act
    const router = functionNamed(template, 'subgraphs inside (colocated)');

    // Assess
    const variables = (router.Properties['Environment'] as { Variables: Record<string, unknown> })
      .Variables;
    expect(variables).toMatchObject({
      TABLE_NAME: resolved(stack, stack.table.table.tableName),
      PRODUCTION: 'true',
    });
    expect(Object.keys(variables)).not.toEqual(
      expect.arrayContaining(['SUBGRAPH_FUNCTIONS', 'ROUTER_SHARED_SECRET_PARAMETER']),
    );
  });

  it('gives the router each subgraph’s own keys and read-by-key on the services they read', () => {
    // Prepare
    const { template, stack } = colocated();
    const roleId = stack.getLogicalId(stack.api.router.role.node.defaultChild as never);
    interface Statement {
      Action: string | string[];
      Condition?: Record<string, Record<string, string[]>>;
    }
    interface PolicyResource {
      Properties: { Roles: unknown; PolicyDocument: { Statement: Statement[] } };
    }

    // Act
    const statements = (
      Object.values(template.findResources('AWS::IAM::Policy')) as PolicyResource[]
    )
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const prefixes = (action: string) =>
      statements
        .filter((statement) => [statement.Action].flat().includes(action))
        .map(
          (statement) => statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'],
        );

    // Assess
    expect(prefixes('dynamodb:PutItem')).toEqual([['users#*'], ['reviews#*']]);
    expect(prefixes('dynamodb:ConditionCheckItem')).toEqual([
      ['users#*'],
      ['reviews#*'],
      ['products#*'],
    ]);
    expect(statements.flatMap((statement) => [statement.Action].flat())).not.toContain(
      'lambda:InvokeFunction',
    );
    expect(JSON.stringify(statements)).not.toContain('dynamodb:*');
  });
});

describe('StackEnvStack: refused props', () => {
  it.each([
    [{ stageName: 'Integration' }, /stage name "Integration"/],
    [{ inputs: { tenancy: 'single' as const } }, /spec.tenant is required/],
    [{ inputs: { subgraphTopology: 'colocated' as const } }, /"colocated" needs the router entry/],
    [
      { colocatedSubgraphs: { entry: '/x.ts', subgraphs: [] } },
      /colocatedSubgraphs given, but spec.subgraphTopology is "distributed"/,
    ],
    [{ subgraphFunctions: { users: 'not a name' } }, /subgraphFunctions.users: "not a name"/],
    [{ inputs: { logRetentionDays: 2 } }, /logRetentionDays 2/],
  ])('refuses %j with an error saying what to change', (options, message) => {
    expect(() => buildEnvironment(options)).toThrow(message);
  });
});
