import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnAuthorizer,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { leadingKeysCondition, SERVICE_ITEM_ACTIONS, SERVICE_READ_ACTIONS } from '@stack/kit';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ColocatedSubgraphs } from './ColocatedSubgraphs.js';
import { DEFAULT_ROUTER_SETTINGS, type RouterSettings } from './RouterSettings.js';
import { FUNCTION_ENTRIES } from './repositoryPaths.js';
import { logRetention, removalPolicyFor } from './retention.js';
import type { RouterSecret } from './RouterSecret.js';
import { type FunctionPlacement, StackFunction } from './StackFunction.js';

/** Inputs of the environment's API. */
export interface ApiProps {
  /** The environment's stage; names the API. */
  readonly stageName: string;
  /** Production mode of the router: no introspection, masked errors. */
  readonly production: boolean;
  /** Subgraph name → Lambda function name, invoked directly by the router (distributed). */
  readonly subgraphFunctions: Readonly<Record<string, string>>;
  /**
   * Run every subgraph inside the router instead (`subgraphTopology: colocated`): the router is
   * built from this generated entry and its role gets the subgraphs' table access.
   */
  readonly colocated?: ColocatedSubgraphs & { readonly table: ITable };
  /** The router-to-subgraph signing secret. */
  readonly routerSecret: RouterSecret;
  /** `iss` of accepted access tokens (the user pool's issuer URL). */
  readonly authIssuer: string;
  /** App client ids whose access tokens are accepted. */
  readonly authClientIds: readonly string[];
  /** Public DNS name of the environment: the only browser origin allowed when set. */
  readonly domain?: string;
  /**
   * Allow browser calls from any origin even with a domain: the hosted web sites live on
   * CloudFront host names the API cannot name (see StackEnvStack).
   */
  readonly allowAnyOrigin?: boolean;
  /** The router executes only the web apps' persisted documents (TRUSTED_DOCUMENTS_ONLY). */
  readonly trustedDocumentsOnly?: boolean;
  /** Days to keep function and access logs. */
  readonly logRetentionDays: number;
  /** RETAIN log groups when true. */
  readonly retainData: boolean;
  /** VPC attachment of the router and authorizer; outside any VPC when absent. */
  readonly placement?: FunctionPlacement;
  /** Size and limits of the router (the router instance's inputs); defaults when absent. */
  readonly router?: RouterSettings;
}

// Steady requests per second and burst the stage accepts before answering 429: a ceiling on
// what a runaway client or a flood can cost, far above what one environment needs today.
const THROTTLE = { rateLimit: 200, burstLimit: 400 };

// Names a subgraph and a Lambda function may have (Lambda's own rule for the latter).
const SUBGRAPH_NAME = /^[a-z][a-z0-9-]*$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The GraphQL API: an HTTP API with one route, `ANY /graphql`, integrated with the router
 * Lambda and guarded by the Lambda authorizer. The authorizer has no identity source, so it runs
 * on every request (anonymous ones included) and caches verified tokens itself
 * (docs/decisions/0006-authorizer-without-identity-source.md).
 */
export class Api extends Construct {
  /** The HTTP API. */
  readonly httpApi: HttpApi;
  /** Its `$default` stage, with access logs and throttling. */
  readonly stage: HttpStage;
  /** The federated GraphQL router. */
  readonly router: StackFunction;
  /** The JWT authorizer. */
  readonly authorizer: StackFunction;
  /** The execute-api host name, CloudFront's origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const subgraphFunctions = validatedSubgraphFunctions(props.subgraphFunctions);
    const common: RouterCommon = {
      logRetentionDays: props.logRetentionDays,
      retainData: props.retainData,
      ...(props.placement && { placement: props.placement }),
    };

    this.router = props.colocated
      ? this.colocatedRouter(props, props.colocated, common)
      : this.distributedRouter(props, subgraphFunctions, common);

    this.authorizer = new StackFunction(this, 'Authorizer', {
      ...common,
      entry: FUNCTION_ENTRIES.authorizer,
      description: `stack-${props.stageName}: verifies Cognito access tokens for the API`,
      // RS256 verification is cheap and the JWKS is cached per cold start; 256 MB keeps the
      // cold start short at a quarter of the router's price per millisecond.
      memorySize: 256,
      timeout: Duration.seconds(5),
      environment: {
        AUTH_ISSUER: props.authIssuer,
        AUTH_CLIENT_IDS: props.authClientIds.join(','),
      },
    });
    for (const fn of [this.router, this.authorizer]) {
      Validations.of(fn.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by API Gateway only: a failure is returned to the caller, there is no asynchronous event to keep in a DLQ.',
      });
    }

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `stack-${props.stageName}`,
      description: `GraphQL API of stack-${props.stageName}`,
      // The stage is created below with access logs and throttling, which the default stage
      // of HttpApi cannot take.
      createDefaultStage: false,
      corsPreflight: {
        // Bearer tokens, not cookies: without credentials, allowing any origin when the
        // environment has no domain exposes nothing.
        allowOrigins:
          props.domain && !props.allowAnyOrigin
            ? [`https://${props.domain}`, `https://internal.${props.domain}`]
            : ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        // The last two are Apollo's CSRF-prevention headers for GET requests.
        allowHeaders: [
          'authorization',
          'content-type',
          'apollo-require-preflight',
          'x-apollo-operation-name',
        ],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: logRetention(props.logRetentionDays),
      removalPolicy: removalPolicyFor(props.retainData),
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });
    Validations.of(this.stage).acknowledge({
      id: 'Serverless-APIGWXrayEnabled',
      reason:
        'HTTP APIs do not support X-Ray tracing (only REST APIs do); the router and authorizer Lambdas trace actively instead.',
    });

    const authorizer = new HttpLambdaAuthorizer('Authorizer', this.authorizer.function, {
      authorizerName: 'jwt',
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      // No identity source: API Gateway would answer 401 to requests without the header before
      // the authorizer runs, locking anonymous callers out (ADR 0006). Without one, API Gateway
      // cannot cache either, hence a TTL of 0; the authorizer caches verified tokens itself.
      identitySource: [],
      resultsCacheTtl: Duration.seconds(0),
    });
    this.httpApi.addRoutes({
      path: '/graphql',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Router', this.router.function),
      authorizer,
    });
    // CDK renders `identitySource: []` as an empty list; leave the property out instead, as an
    // authorizer without caching may (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html).
    for (const child of this.node.findAll()) {
      if (child instanceof CfnAuthorizer) child.addPropertyDeletionOverride('IdentitySource');
    }

    const { region, urlSuffix } = Stack.of(this);
    this.domainName = `${this.httpApi.apiId}.execute-api.${region}.${urlSuffix}`;
  }

  /** The router that invokes each subgraph's own Lambda, signing the caller's identity. */
  private distributedRouter(
    props: ApiProps,
    subgraphFunctions: Record<string, string>,
    common: RouterCommon,
  ): StackFunction {
    const router = new StackFunction(this, 'Router', {
      ...common,
      entry: FUNCTION_ENTRIES.router,
      description: `stack-${props.stageName}: federated GraphQL router`,
      // Query planning is CPU-bound, and Lambda's CPU share grows with memory.
      ...routerSize(props.router ?? DEFAULT_ROUTER_SETTINGS),
      environment: {
        // The parameter's name, not the secret: the router reads it at its first request.
        ROUTER_SHARED_SECRET_PARAMETER: props.routerSecret.parameterName,
        PRODUCTION: props.production ? 'true' : 'false',
        TRUSTED_DOCUMENTS_ONLY: props.trustedDocumentsOnly ? 'true' : 'false',
        SUBGRAPH_TOPOLOGY: 'distributed',
        SUBGRAPH_FUNCTIONS: JSON.stringify(subgraphFunctions),
        ...routerLimits(props.router ?? DEFAULT_ROUTER_SETTINGS),
      },
    });
    props.routerSecret.grantRead(router.role);
    // The first request may come right after the deployment: the parameter exists by then.
    router.function.node.addDependency(props.routerSecret.resource);
    const stack = Stack.of(this);
    const subgraphArns = Object.values(subgraphFunctions).map((functionName) =>
      stack.formatArn({
        service: 'lambda',
        resource: 'function',
        resourceName: functionName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    );
    if (subgraphArns.length > 0) {
      router.role.addToPolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: subgraphArns }),
      );
    }
    return router;
  }

  /**
   * The router with every subgraph inside it: one function for the whole API (no invoke hop, one
   * cold start), whose role may touch exactly what the subgraphs' own roles would: each one's
   * `<service>#` items, and the items of the services each reads from, by key.
   */
  private colocatedRouter(
    props: ApiProps,
    colocated: ColocatedSubgraphs & { readonly table: ITable },
    common: RouterCommon,
  ): StackFunction {
    const router = new StackFunction(this, 'Router', {
      ...common,
      entry: colocated.entry,
      description: `stack-${props.stageName}: federated GraphQL router with the subgraphs inside (colocated)`,
      ...routerSize(props.router ?? DEFAULT_ROUTER_SETTINGS),
      environment: {
        TABLE_NAME: colocated.table.tableName,
        PRODUCTION: props.production ? 'true' : 'false',
        TRUSTED_DOCUMENTS_ONLY: props.trustedDocumentsOnly ? 'true' : 'false',
        ...routerLimits(props.router ?? DEFAULT_ROUTER_SETTINGS),
      },
    });
    const { tableArn } = colocated.table;
    const ownItems = [tableArn, `${tableArn}/index/*`];
    for (const subgraph of colocated.subgraphs) {
      router.role.addToPolicy(
        new PolicyStatement({
          actions: [...SERVICE_ITEM_ACTIONS],
          resources: ownItems,
          conditions: leadingKeysCondition(subgraph.name),
        }),
      );
      for (const other of subgraph.readsFrom) {
        router.role.addToPolicy(
          new PolicyStatement({
            actions: [...SERVICE_READ_ACTIONS],
            resources: [tableArn],
            conditions: leadingKeysCondition(other),
          }),
        );
      }
    }
    if (colocated.subgraphs.length > 0) {
      Validations.of(router.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(colocated.table.node.defaultChild as never)}.Arn>/index/*]`,
        reason:
          "The table's indexes, for Query on the GSI; every statement is limited to the subgraphs' own key prefixes by dynamodb:LeadingKeys.",
      });
    }
    return router;
  }
}

// JSON lines with HTTP API context variables
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html).
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationStatus: '$context.integrationStatus',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    error: '$context.error.message',
  }),
);

/** The router function's memory, timeout and reserved concurrency. */
function routerSize(settings: RouterSettings) {
  return {
    memorySize: settings.memorySize,
    timeout: Duration.seconds(settings.timeoutSeconds),
    ...(settings.reservedConcurrency !== undefined && {
      reservedConcurrency: settings.reservedConcurrency,
    }),
  };
}

/** The router's limits, as its environment variables. */
function routerLimits(settings: RouterSettings): Record<string, string> {
  return {
    SUBGRAPH_TIMEOUT_MS: String(settings.subgraphTimeoutMs),
    MAX_BODY_BYTES: String(settings.maxBodyBytes),
  };
}

/** What every function of the API shares: logs and network placement. */
interface RouterCommon {
  readonly logRetentionDays: number;
  readonly retainData: boolean;
  readonly placement?: FunctionPlacement;
}

/** The subgraph map with its names checked, sorted so the router's environment is stable. */
function validatedSubgraphFunctions(
  subgraphFunctions: Readonly<Record<string, string>>,
): Record<string, string> {
  const entries = Object.entries(subgraphFunctions).sort(([a], [b]) => a.localeCompare(b));
  for (const [subgraph, functionName] of entries) {
    if (!SUBGRAPH_NAME.test(subgraph)) {
      throw new Error(
        `subgraphFunctions: "${subgraph}" is not a subgraph name (lowercase letters, digits, hyphens)`,
      );
    }
    if (!FUNCTION_NAME.test(functionName)) {
      throw new Error(
        `subgraphFunctions.${subgraph}: "${functionName}" is not a Lambda function name (up to 64 letters, digits, hyphens, underscores)`,
      );
    }
  }
  return Object.fromEntries(entries);
}
