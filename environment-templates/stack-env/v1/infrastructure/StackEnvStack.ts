import { CfnOutput, Fn, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from './AlarmTopic.js';
import { Api } from './Api.js';
import { Auth } from './Auth.js';
import { CrossRegionParameter } from './CrossRegionParameter.js';
import { Edge } from './Edge.js';
import {
  ENVIRONMENT_PARAMETERS,
  type StringEnvironmentParameter,
} from './environmentParameters.js';
import { EventBus } from './EventBus.js';
import { Hosting } from './Hosting.js';
import type { WebExport } from './hosting/webExportDirectory.js';
import { Monitoring } from './Monitoring.js';
import { availabilityZonesOf, Network } from './Network.js';
import { Parameters } from './Parameters.js';
import { Queues } from './Queues.js';
import { WEB_EXPORTS } from './repositoryPaths.js';
import { RouterSecret } from './RouterSecret.js';
import type { StackEnvInputs } from './StackEnvInputs.js';
import { Table } from './Table.js';
import type { ColocatedSubgraphs } from './ColocatedSubgraphs.js';
import type { RouterSettings } from './RouterSettings.js';
import { TableStreamPipe } from './TableStreamPipe.js';
import { TEMPLATE_ID } from './templateId.js';
import { CLOUDFRONT_WAF_REGION, WebAcl } from './WebAcl.js';
import { WebAclStack } from './WebAclStack.js';

/** Inputs of one environment's stack. */
export interface StackEnvStackProps extends StackProps {
  /** Name of the environment's stage (its spec file's name), e.g. `integration`. */
  readonly stageName: string;
  /** The environment's inputs, validated against schema/schema.yaml with defaults applied. */
  readonly inputs: StackEnvInputs;
  /** Account and region, always explicit: synth makes no lookups. */
  readonly env: { readonly account: string; readonly region: string };
  /** Subgraph name → Lambda function name the router invokes; filled by service instances. */
  readonly subgraphFunctions?: Readonly<Record<string, string>>;
  /**
   * With `subgraphTopology: colocated` (required then): the generated router entry bundling the
   * environment's subgraphs, and those subgraphs.
   */
  readonly colocatedSubgraphs?: ColocatedSubgraphs;
  /** Size and limits of the router, from the router instance (services/router); defaults when absent. */
  readonly router?: RouterSettings;
  /**
   * Production mode of the router (no introspection, masked errors). Default true, so an
   * environment nobody classified fails safe; pass false for integration and previews.
   */
  readonly production?: boolean;
  /**
   * Static exports the web sites deploy (with `hosting: true`); by default the apps' own
   * `web/app/out` and `web/internal/out`. A missing export deploys a placeholder page (an error
   * with the context `requireWebExports=true`).
   */
  readonly webExports?: Readonly<Record<'public' | 'internal', WebExport>>;
}

// Stage names become parts of resource names (bus, Cognito domain prefix, alarms) and SSM paths.
const STAGE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * The shared infrastructure of one environment, template stack-env@1: table, stream pipe and
 * bus, queues, alarm topic, Cognito, the GraphQL API behind CloudFront (and WAF when asked),
 * monitoring, an optional VPC, and the SSM parameters services build on.
 * docs/environment-template.md describes every input, resource and cost.
 */
export class StackEnvStack extends Stack {
  /** The environment's single table. */
  readonly table: Table;
  /** The event bus and its archive. */
  readonly eventBus: EventBus;
  /** The table-to-bus pipe and its DLQ. */
  readonly tableStreamPipe: TableStreamPipe;
  /** The shared queues. */
  readonly queues: Queues;
  /** The alarm topic. */
  readonly alarmTopic: AlarmTopic;
  /** Cognito user pool, group, clients and domain. */
  readonly auth: Auth;
  /** The router-to-subgraph signing secret (an SSM SecureString made at deploy time). */
  readonly routerSecret: RouterSecret;
  /** The HTTP API, router and authorizer. */
  readonly api: Api;
  /** CloudFront in front of the API. */
  readonly edge: Edge;
  /** The public and internal web sites, unless the hosting input is false. */
  readonly hosting?: Hosting;
  /** Dashboard and alarms. */
  readonly monitoring: Monitoring;
  /** The VPC, unless the network input is `none`. */
  readonly network?: Network;
  /** The us-east-1 stack with the web ACL, when `waf` is true and the region is another. */
  readonly webAclStack?: WebAclStack;
  /** The published SSM parameters. */
  readonly parameters: Parameters;

  constructor(scope: Construct, id: string, props: StackEnvStackProps) {
    checkProps(props);
    const {
      stageName,
      inputs,
      subgraphFunctions,
      colocatedSubgraphs,
      router,
      production,
      webExports,
      ...stackProps
    } = props;
    const { env } = stackProps;
    super(scope, id, {
      description: `The Stack: environment ${stageName} (${TEMPLATE_ID})`,
      // Deleting a stack that keeps data must take a deliberate extra step.
      terminationProtection: inputs.retainData,
      ...stackProps,
    });

    this.network =
      inputs.network === 'none'
        ? undefined
        : new Network(this, 'Network', {
            mode: inputs.network,
            logRetentionDays: inputs.logRetentionDays,
            retainData: inputs.retainData,
          });
    this.table = new Table(this, 'Table', { retainData: inputs.retainData });
    this.eventBus = new EventBus(this, 'EventBus', { stageName, retainData: inputs.retainData });
    this.tableStreamPipe = new TableStreamPipe(this, 'TableStreamPipe', {
      table: this.table.table,
      bus: this.eventBus.bus,
      stageName,
      logRetentionDays: inputs.logRetentionDays,
      retainData: inputs.retainData,
    });
    this.queues = new Queues(this, 'Queues');
    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', {
      ...(inputs.alarmEmail && { alarmEmail: inputs.alarmEmail }),
    });
    this.auth = new Auth(this, 'Auth', {
      stageName,
      retainData: inputs.retainData,
      ...(inputs.domain && { domain: inputs.domain }),
    });
    this.routerSecret = new RouterSecret(this, 'RouterSecret', {
      stageName,
      retainData: inputs.retainData,
      logRetentionDays: inputs.logRetentionDays,
    });

    // The router and the authorizer join the VPC only when it reaches the internet: in an
    // isolated VPC (gateway endpoints only) the authorizer could not fetch Cognito's JWKS and
    // the router could not call the Lambda API to invoke subgraphs.
    const network = this.network;
    this.api = new Api(this, 'Api', {
      stageName,
      production: production ?? true,
      subgraphFunctions: subgraphFunctions ?? {},
      ...(colocatedSubgraphs && {
        colocated: { ...colocatedSubgraphs, table: this.table.table },
      }),
      ...(router && { router }),
      routerSecret: this.routerSecret,
      authIssuer: this.auth.userPool.userPoolProviderUrl,
      authClientIds: [
        this.auth.publicClient.userPoolClientId,
        this.auth.internalClient.userPoolClientId,
      ],
      logRetentionDays: inputs.logRetentionDays,
      retainData: inputs.retainData,
      ...(inputs.domain && { domain: inputs.domain }),
      // The sites' CloudFront host names are generated, and the API cannot name them: the sites'
      // CSP names the API, so that would be a dependency cycle. Tokens are bearer headers, not
      // cookies, so any origin gains nothing a script outside a browser would not have.
      allowAnyOrigin: inputs.hosting,
      trustedDocumentsOnly: inputs.trustedDocumentsOnly,
      ...(network?.hasInternetEgress && {
        placement: {
          vpc: network.vpc,
          subnets: network.lambdaSubnets,
          securityGroups: [network.lambdaSecurityGroup],
        },
      }),
    });

    let webAclArn: string | undefined;
    if (inputs.waf && env.region === CLOUDFRONT_WAF_REGION) {
      webAclArn = new WebAcl(this, 'WebAcl', { stageName }).webAcl.attrArn;
    } else if (inputs.waf) {
      this.webAclStack = new WebAclStack(scope, `${id}WebAcl`, {
        stageName,
        account: env.account,
        description: `The Stack: CloudFront web ACL of environment ${stageName} (${TEMPLATE_ID})`,
      });
      this.addStackDependency(this.webAclStack, 'the distribution needs the web ACL');
      webAclArn = new CrossRegionParameter(this, 'WebAclArn', {
        parameterName: ENVIRONMENT_PARAMETERS(stageName).webAclArn,
        region: CLOUDFRONT_WAF_REGION,
        logRetentionDays: inputs.logRetentionDays,
      }).value;
    }
    this.edge = new Edge(this, 'Edge', {
      stageName,
      apiDomainName: this.api.domainName,
      ...(webAclArn && { webAclArn }),
    });
    if (inputs.hosting) {
      this.hosting = this.addHosting(stageName, inputs, webExports ?? WEB_EXPORTS, webAclArn);
    }

    this.monitoring = new Monitoring(this, 'Monitoring', {
      stageName,
      dashboard: inputs.dashboard,
      alarms: inputs.alarms,
      alarmTopic: this.alarmTopic.topic,
      httpApi: this.api.httpApi,
      functions: [
        { name: 'router', function: this.api.router },
        { name: 'authorizer', function: this.api.authorizer, errorsAreAnswers: true },
        { name: 'table-change-publisher', function: this.tableStreamPipe.publisher },
      ],
      serviceFunctions: subgraphFunctions ?? {},
      deadLetterQueues: {
        'notifications-dlq': this.queues.notificationsDeadLetterQueue,
        'work-dlq': this.queues.workDeadLetterQueue,
        'pipe-dlq': this.tableStreamPipe.deadLetterQueue,
      },
      table: this.table.table,
      pipe: this.tableStreamPipe.pipe,
    });

    this.parameters = new Parameters(this, 'Parameters', {
      stageName,
      values: this.parameterValues(),
    });
    this.addOutputs();
    for (const stack of [this, this.webAclStack]) if (stack) tagEnvironment(stack, props);
  }

  /**
   * The two availability zones the optional VPC spans, the same names Network uses. Without
   * this, CDK checks a VPC's explicit zones against the region's real ones and asks for an
   * `availability-zones` context lookup (an AWS call) to learn them: synth must stay offline.
   */
  override get availabilityZones(): string[] {
    return availabilityZonesOf(this.region);
  }

  /** The two web sites, and their URLs on the sites' Cognito app clients. */
  private addHosting(
    stageName: string,
    inputs: StackEnvInputs,
    exports: Readonly<Record<'public' | 'internal', WebExport>>,
    webAclArn: string | undefined,
  ): Hosting {
    const { userPool, publicClient, internalClient, domain } = this.auth;
    const hosting = new Hosting(this, 'Hosting', {
      stageName,
      exports,
      apiUrl: this.edge.graphqlUrl,
      apiOrigin: `https://${this.edge.distribution.distributionDomainName}`,
      userPoolId: userPool.userPoolId,
      authDomainUrl: domain.baseUrl(),
      clientIds: {
        public: publicClient.userPoolClientId,
        internal: internalClient.userPoolClientId,
      },
      retainData: inputs.retainData,
      logRetentionDays: inputs.logRetentionDays,
      ...(webAclArn && { webAclArn }),
    });
    this.auth.allowSiteUrl(publicClient, hosting.publicSite.url);
    this.auth.allowSiteUrl(internalClient, hosting.internalSite.url);
    return hosting;
  }

  /** What the environment publishes for services, by ENVIRONMENT_PARAMETERS key. */
  private parameterValues(): Partial<Record<StringEnvironmentParameter, string>> {
    const table = this.table.table;
    const { bus } = this.eventBus;
    const { notifications, work } = this.queues;
    const { userPool, publicClient, internalClient, domain } = this.auth;
    const network = this.network;
    return {
      tableName: table.tableName,
      tableArn: table.tableArn,
      tableStreamArn: table.tableStreamArn ?? '',
      eventBusName: bus.eventBusName,
      eventBusArn: bus.eventBusArn,
      notificationsQueueUrl: notifications.queueUrl,
      notificationsQueueArn: notifications.queueArn,
      workQueueUrl: work.queueUrl,
      workQueueArn: work.queueArn,
      alarmTopicArn: this.alarmTopic.topic.topicArn,
      userPoolId: userPool.userPoolId,
      authIssuer: userPool.userPoolProviderUrl,
      publicClientId: publicClient.userPoolClientId,
      internalClientId: internalClient.userPoolClientId,
      authDomainUrl: domain.baseUrl(),
      apiUrl: this.edge.graphqlUrl,
      ...(this.hosting && {
        publicSiteUrl: this.hosting.publicSite.url,
        internalSiteUrl: this.hosting.internalSite.url,
      }),
      routerFunctionName: this.api.router.function.functionName,
      routerRoleArn: this.api.router.role.roleArn,
      ...(network && {
        vpcId: network.vpc.vpcId,
        privateSubnetIds: Fn.join(',', network.vpc.selectSubnets(network.lambdaSubnets).subnetIds),
        lambdaSecurityGroupId: network.lambdaSecurityGroup.securityGroupId,
      }),
    };
  }

  /** Outputs the pipeline reads after deploying (smoke tests, web app configuration). */
  private addOutputs(): void {
    const { userPool, publicClient, internalClient, domain } = this.auth;
    const outputs: Record<string, { value: string; description: string }> = {
      ApiUrl: { value: this.edge.graphqlUrl, description: 'Public GraphQL endpoint (CloudFront)' },
      UserPoolId: { value: userPool.userPoolId, description: 'Cognito user pool id' },
      PublicClientId: {
        value: publicClient.userPoolClientId,
        description: 'App client id of the public web app',
      },
      InternalClientId: {
        value: internalClient.userPoolClientId,
        description: 'App client id of the internal web app',
      },
      AuthDomainUrl: { value: domain.baseUrl(), description: 'Hosted sign-in base URL' },
      ...(this.hosting && {
        PublicSiteUrl: {
          value: this.hosting.publicSite.url,
          description: 'The public web app (CloudFront)',
        },
        InternalSiteUrl: {
          value: this.hosting.internalSite.url,
          description: 'The internal web app (CloudFront)',
        },
      }),
    };
    for (const [id, output] of Object.entries(outputs)) new CfnOutput(this, id, output);
  }
}

/** Refuses props the schema cannot express, with what to change. */
function checkProps(props: StackEnvStackProps): void {
  const { stageName, inputs } = props;
  if (!STAGE_NAME.test(stageName)) {
    throw new Error(
      `stack-env@1: stage name "${stageName}" must be 1-40 lowercase letters, digits or hyphens, starting with a letter (it names resources and SSM paths)`,
    );
  }
  if (inputs.tenancy === 'single' && !inputs.tenant) {
    throw new Error(
      `stack-env@1 (${stageName}): spec.tenant is required when spec.tenancy is single; add the tenant's id`,
    );
  }
  const colocated = inputs.subgraphTopology === 'colocated';
  if (colocated && !props.colocatedSubgraphs) {
    throw new Error(
      `stack-env@1 (${stageName}): spec.subgraphTopology "colocated" needs the router entry that bundles the subgraphs (colocatedSubgraphs); the pipeline generates it (pipelines/src/colocatedRouterEntry.ts)`,
    );
  }
  if (!colocated && props.colocatedSubgraphs) {
    throw new Error(
      `stack-env@1 (${stageName}): colocatedSubgraphs given, but spec.subgraphTopology is "${inputs.subgraphTopology}"`,
    );
  }
  if (colocated && Object.keys(props.subgraphFunctions ?? {}).length > 0) {
    throw new Error(
      `stack-env@1 (${stageName}): subgraphFunctions given, but spec.subgraphTopology "colocated" runs the subgraphs inside the router`,
    );
  }
}

/** Tags every resource of a stack with the stage, the template and the tenant. */
function tagEnvironment(stack: Stack, props: StackEnvStackProps): void {
  const tags = Tags.of(stack);
  tags.add('stack:stage', props.stageName);
  tags.add('stack:template', TEMPLATE_ID);
  if (props.inputs.tenancy === 'single' && props.inputs.tenant) {
    tags.add('stack:tenant', props.inputs.tenant);
  }
}
