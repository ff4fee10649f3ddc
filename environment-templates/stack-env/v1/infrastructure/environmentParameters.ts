/**
 * Names of the SSM parameters an environment publishes for the stacks that build on it
 * (service instances, web apps, the pipeline). Cross-stack values travel through these instead
 * of CloudFormation exports, which would block updates of the exporting stack.
 *
 * Defined once here; `Parameters` writes the String parameters and consumers read them, e.g.
 * `StringParameter.valueForStringParameter(this, ENVIRONMENT_PARAMETERS(stage).tableName)`.
 * `routerSharedSecret` is the exception: a SecureString `RouterSecret` creates, whose name
 * functions get as ROUTER_SHARED_SECRET_PARAMETER and read at run time.
 */
export function ENVIRONMENT_PARAMETERS(stageName: string) {
  const prefix = `/stack/${stageName}`;
  return {
    /** Name of the environment's single DynamoDB table. */
    tableName: `${prefix}/table/name`,
    /** ARN of the table. */
    tableArn: `${prefix}/table/arn`,
    /** ARN of the table's stream (NEW_AND_OLD_IMAGES). */
    tableStreamArn: `${prefix}/table/stream-arn`,
    /** Name of the environment's custom event bus. */
    eventBusName: `${prefix}/event-bus/name`,
    /** ARN of the event bus. */
    eventBusArn: `${prefix}/event-bus/arn`,
    /** URL of the notifications queue (mail and push workers read it). */
    notificationsQueueUrl: `${prefix}/queues/notifications/url`,
    /** ARN of the notifications queue. */
    notificationsQueueArn: `${prefix}/queues/notifications/arn`,
    /** URL of the general work queue. */
    workQueueUrl: `${prefix}/queues/work/url`,
    /** ARN of the general work queue. */
    workQueueArn: `${prefix}/queues/work/arn`,
    /** ARN of the SNS topic every alarm of the environment notifies. */
    alarmTopicArn: `${prefix}/alarms/topic-arn`,
    /** Id of the Cognito user pool. */
    userPoolId: `${prefix}/auth/user-pool-id`,
    /** Issuer URL of the user pool's tokens (the `iss` claim). */
    authIssuer: `${prefix}/auth/issuer`,
    /** App client id of the public web app. */
    publicClientId: `${prefix}/auth/public-client-id`,
    /** App client id of the internal web app. */
    internalClientId: `${prefix}/auth/internal-client-id`,
    /** Base URL of the user pool's hosted sign-in pages. */
    authDomainUrl: `${prefix}/auth/domain-url`,
    /** Public GraphQL endpoint (CloudFront), e.g. https://d111.cloudfront.net/graphql. */
    apiUrl: `${prefix}/api/url`,
    /** URL of the public web app (web/app), https://<cloudfront>; only with hosting on. */
    publicSiteUrl: `${prefix}/hosting/public-site-url`,
    /** URL of the internal web app (web/internal), https://<cloudfront>; only with hosting on. */
    internalSiteUrl: `${prefix}/hosting/internal-site-url`,
    /** Name of the router Lambda. */
    routerFunctionName: `${prefix}/router/function-name`,
    /** ARN of the router Lambda's role: subgraph functions allow only this role to invoke them. */
    routerRoleArn: `${prefix}/router/role-arn`,
    /**
     * The SecureString holding the key the router signs forwarded identities with; pass this
     * name as ROUTER_SHARED_SECRET_PARAMETER and grant `ssm:GetParameter` on it.
     */
    routerSharedSecret: `${prefix}/router/shared-secret`,
    /** Id of the VPC (only when the network input is not `none`). */
    vpcId: `${prefix}/network/vpc-id`,
    /** Comma-separated ids of the private subnets Lambdas attach to (network not `none`). */
    privateSubnetIds: `${prefix}/network/private-subnet-ids`,
    /** Id of the security group for Lambdas in the VPC (network not `none`). */
    lambdaSecurityGroupId: `${prefix}/network/lambda-security-group-id`,
    /** ARN of the CloudFront-scoped web ACL; written in us-east-1, only when `waf` is true. */
    webAclArn: `${prefix}/edge/web-acl-arn`,
  } as const;
}

/** One of the environment's SSM parameters, by its key in ENVIRONMENT_PARAMETERS. */
export type EnvironmentParameter = keyof ReturnType<typeof ENVIRONMENT_PARAMETERS>;

/** The parameters `Parameters` publishes as String parameters: all but the router's secret. */
export type StringEnvironmentParameter = Exclude<EnvironmentParameter, 'routerSharedSecret'>;
