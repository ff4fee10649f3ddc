import type { CloudFormationResource } from './CloudFormationTemplate.js';
import type { PriceEntry, Prices } from './Prices.js';
import type { SynthesizedStack } from './readCloudAssembly.js';
import type { FunctionAssumption, RequestPathAssumptions } from './requestPathAssumptions.js';

/** One step of a request and what it adds per million requests. */
export interface RequestCostLine {
  readonly step: string;
  readonly perMillion: number;
  readonly detail: string;
  /** `template`: sized from the synthesized resource; `assumed`: not in the templates (yet). */
  readonly basis: 'template' | 'assumed';
}

/** The price of a million requests along a path, line by line. */
export interface RequestPathCost {
  readonly lines: readonly RequestCostLine[];
  readonly perMillion: number;
}

type Resource = CloudFormationResource & { readonly logicalId: string };

// Lambda functions CDK adds for itself (custom resource providers, log retention, bucket
// deployment) are never on the request path, whatever their path contains.
const CDK_HELPER =
  /CustomResource|Provider|LogRetention|AWS679f53fac002430cb0da5b7982bd2287|BucketDeployment|AutoDeleteObjects/;

/**
 * One GraphQL API request: CloudFront → (WAF) → HTTP API → authorizer λ → router λ →
 * subgraph λ → DynamoDB reads. Functions found in the templates are priced at their memory
 * and architecture; the rest at the assumed ones.
 */
export function priceApiRequest(
  stacks: readonly SynthesizedStack[],
  prices: Prices,
  assumptions: RequestPathAssumptions,
): RequestPathCost {
  const resources = allResources(stacks);
  const has = (type: string) => resources.some((resource) => resource.Type === type);
  const basis = (type: string) => (has(type) ? 'template' : 'assumed');
  const requests = prices.requests;
  const lines: RequestCostLine[] = [
    {
      step: 'CloudFront HTTPS request',
      perMillion: requests.cloudFrontHttpsRequests.price,
      detail: '$0.0100 per 10,000 HTTPS requests (US/Europe)',
      basis: basis('AWS::CloudFront::Distribution'),
    },
  ];
  if (has('AWS::WAFv2::WebACL')) {
    lines.push({
      step: 'WAF inspection',
      perMillion: requests.wafRequests.price,
      detail: 'every request passes the web ACL',
      basis: 'template',
    });
  }
  lines.push({
    step: 'HTTP API request',
    perMillion: requests.httpApiRequests.price,
    detail: 'first 300 million a month',
    basis: basis('AWS::ApiGatewayV2::Api'),
  });
  for (const [role, pattern] of [
    ['authorizer', /authori[sz]er/i],
    ['router', /router/i],
    ['subgraph', /subgraph/i],
  ] as const) {
    lines.push(...priceFunction(role, findFunction(resources, pattern), assumptions[role], prices));
  }
  const units = assumptions.dynamoDbReadUnitsPerRequest;
  lines.push({
    step: 'DynamoDB reads',
    perMillion: units * requests.dynamoDbReadRequestUnits.price,
    detail: `${units} read request units per request (on-demand)`,
    basis: basis('AWS::DynamoDB::Table'),
  });
  return total(lines);
}

/**
 * What a mutation adds on top of its API request: the table write, its stream record through
 * the EventBridge Pipe and the publisher function onto the bus, and one worker queue message
 * (send, receive, delete).
 */
export function priceMutation(
  stacks: readonly SynthesizedStack[],
  prices: Prices,
  assumptions: RequestPathAssumptions,
): RequestPathCost {
  const resources = allResources(stacks);
  const basis = (type: string) =>
    resources.some((resource) => resource.Type === type) ? 'template' : 'assumed';
  const requests = prices.requests;
  const writes = assumptions.dynamoDbWriteUnitsPerMutation;
  const sqs = assumptions.sqsRequestsPerEvent;
  return total([
    {
      step: 'DynamoDB write',
      perMillion: writes * requests.dynamoDbWriteRequestUnits.price,
      detail: `${writes} write request unit${writes === 1 ? '' : 's'} (item ≤ 1 KB, on-demand)`,
      basis: basis('AWS::DynamoDB::Table'),
    },
    {
      step: 'EventBridge Pipe',
      perMillion: requests.eventBridgePipesRequests.price,
      detail: 'the stream record through the Pipe',
      basis: basis('AWS::Pipes::Pipe'),
    },
    ...priceFunction(
      'publisher',
      findFunction(resources, /Publisher/),
      assumptions.publisher,
      prices,
      'per change',
    ),
    {
      step: 'EventBridge event',
      perMillion: requests.eventBridgeCustomEvents.price,
      detail: 'one custom event on the bus',
      basis: basis('AWS::Events::EventBus'),
    },
    {
      step: 'SQS worker queue',
      perMillion: sqs * requests.sqsRequests.price,
      detail: `${sqs} requests per message (send, receive, delete)`,
      basis: basis('AWS::SQS::Queue'),
    },
  ]);
}

function priceFunction(
  role: string,
  found: Resource | undefined,
  assumed: FunctionAssumption,
  prices: Prices,
  per = 'per request',
): RequestCostLine[] {
  const memoryMb = found ? numberOf(found.Properties?.MemorySize, 128) : assumed.memoryMb;
  const architectures = found?.Properties?.Architectures;
  const arm = found
    ? Array.isArray(architectures) && architectures.includes('arm64')
    : assumed.architecture === 'arm64';
  const gbSecond: PriceEntry = arm
    ? prices.requests.lambdaArmGbSecond
    : prices.requests.lambdaX86GbSecond;
  const calls = assumed.invocationsPerRequest;
  const basis = found ? 'template' : 'assumed';
  const where = found ? ` (memory of ${found.logicalId})` : '';
  return [
    {
      step: `${role} λ invocation`,
      perMillion: calls * prices.requests.lambdaRequests.price,
      detail: `${calls} ${per}`,
      basis,
    },
    {
      step: `${role} λ duration`,
      perMillion: calls * 1e6 * (memoryMb / 1024) * (assumed.durationMs / 1000) * gbSecond.price,
      detail: `${memoryMb} MB ${arm ? 'arm64' : 'x86_64'} × ${assumed.durationMs} ms${where}`,
      basis,
    },
  ];
}

function findFunction(resources: readonly Resource[], pattern: RegExp): Resource | undefined {
  return resources.find((resource) => {
    if (resource.Type !== 'AWS::Lambda::Function') return false;
    const path = resource.Metadata?.['aws:cdk:path'];
    const name = typeof path === 'string' ? path : resource.logicalId;
    return pattern.test(name) && !CDK_HELPER.test(name);
  });
}

function allResources(stacks: readonly SynthesizedStack[]): Resource[] {
  return stacks.flatMap((stack) =>
    Object.entries(stack.template.Resources ?? {}).map(([logicalId, resource]) => ({
      ...resource,
      logicalId,
    })),
  );
}

function total(lines: RequestCostLine[]): RequestPathCost {
  return { lines, perMillion: lines.reduce((sum, line) => sum + line.perMillion, 0) };
}

function numberOf(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
