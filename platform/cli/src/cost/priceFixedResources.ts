import type { CloudFormationResource } from './CloudFormationTemplate.js';
import type { PriceEntry, Prices } from './Prices.js';
import type { SynthesizedStack } from './readCloudAssembly.js';

/** The account-wide free allowances a line draws from. */
export type FreeTierPool = 'dashboard' | 'alarmMetric';

/** One resource with a cost while idle. */
export interface FixedCostLine {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  /** List price per month, before any free tier. */
  readonly monthly: number;
  /** What was counted, e.g. "web ACL + 4 rules". */
  readonly detail: string;
  /** Units of an account-wide free allowance this line could use, at `monthly / units` each. */
  readonly freeTier?: { readonly pool: FreeTierPool; readonly units: number };
}

/** Fixed cost lines, plus resource types nothing prices (so a reader sees the gaps). */
export interface FixedCosts {
  readonly lines: readonly FixedCostLine[];
  readonly unpriced: readonly { readonly type: string; readonly count: number }[];
}

type Resources = Readonly<Record<string, CloudFormationResource>>;
type Pricer = (
  resource: CloudFormationResource,
  context: { readonly prices: Prices; readonly resources: Resources },
) => Omit<FixedCostLine, 'stack' | 'logicalId' | 'type'> | undefined;

/** Prices every resource of the given stacks that costs money while the environment is idle. */
export function priceFixedResources(
  stacks: readonly SynthesizedStack[],
  prices: Prices,
): FixedCosts {
  const lines: FixedCostLine[] = [];
  const unpriced = new Map<string, number>();
  for (const stack of stacks) {
    const resources = stack.template.Resources ?? {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      const pricer = PRICERS[resource.Type];
      if (pricer === undefined) {
        if (!isFreeAtRest(resource.Type, prices)) {
          unpriced.set(resource.Type, (unpriced.get(resource.Type) ?? 0) + 1);
        }
        continue;
      }
      const priced = pricer(resource, { prices, resources });
      if (priced)
        lines.push({ stack: stack.displayName, logicalId, type: resource.Type, ...priced });
    }
  }
  return {
    lines,
    unpriced: [...unpriced]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  };
}

function isFreeAtRest(type: string, prices: Prices): boolean {
  // Custom resources run a Lambda at deploy time only.
  return prices.noFixedCost.types.includes(type) || type.startsWith('Custom::');
}

const perHour = (entry: PriceEntry, prices: Prices, count = 1) =>
  entry.price * prices.hoursPerMonth * count;

const PRICERS: Readonly<Record<string, Pricer>> = {
  'AWS::WAFv2::WebACL': (resource, { prices }) => {
    const rules = arrayProperty(resource, 'Rules')?.length ?? 0;
    return {
      monthly: prices.fixed.wafWebAcl.price + rules * prices.fixed.wafRule.price,
      detail: `web ACL + ${rules} rule${rules === 1 ? '' : 's'}`,
    };
  },
  'AWS::CloudWatch::Dashboard': (_resource, { prices }) => ({
    monthly: prices.fixed.dashboard.price,
    detail: `1 dashboard; first ${prices.fixed.dashboard.freePerAccount ?? 0} per account free`,
    freeTier: { pool: 'dashboard', units: 1 },
  }),
  'AWS::CloudWatch::Alarm': (resource, { prices }) => {
    const { metrics, highResolution } = alarmMetrics(resource);
    if (highResolution) {
      return {
        monthly: metrics * prices.fixed.highResolutionAlarmMetric.price,
        detail: `${metrics} high-resolution alarm metric${metrics === 1 ? '' : 's'}`,
      };
    }
    return {
      monthly: metrics * prices.fixed.alarmMetric.price,
      detail: `${metrics} alarm metric${metrics === 1 ? '' : 's'}; first ${prices.fixed.alarmMetric.freePerAccount ?? 0} per account free`,
      freeTier: { pool: 'alarmMetric', units: metrics },
    };
  },
  'AWS::CloudWatch::CompositeAlarm': (_resource, { prices }) => ({
    monthly: prices.fixed.compositeAlarm.price,
    detail: 'composite alarm',
  }),
  'AWS::EC2::NatGateway': (_resource, { prices }) => ({
    monthly: perHour(prices.fixed.natGatewayHour, prices),
    detail: `${prices.hoursPerMonth} h × $${prices.fixed.natGatewayHour.price}; data processed is extra`,
  }),
  'AWS::EC2::EIP': (_resource, { prices }) => ({
    monthly: perHour(prices.fixed.publicIpv4Hour, prices),
    detail: `public IPv4 address, ${prices.hoursPerMonth} h × $${prices.fixed.publicIpv4Hour.price}`,
  }),
  'AWS::EC2::VPCEndpoint': (resource, { prices }) => {
    if (stringProperty(resource, 'VpcEndpointType') !== 'Interface') return undefined;
    const zones = arrayProperty(resource, 'SubnetIds')?.length ?? 1;
    return {
      monthly: perHour(prices.fixed.interfaceEndpointHour, prices, zones),
      detail: `interface endpoint in ${zones} AZ${zones === 1 ? '' : 's'}; data processed is extra`,
    };
  },
  'AWS::KMS::Key': (_resource, { prices }) => ({
    monthly: prices.fixed.kmsKey.price,
    detail: 'customer managed key',
  }),
  'AWS::Route53::HostedZone': (_resource, { prices }) => ({
    monthly: prices.fixed.hostedZone.price,
    detail: 'hosted zone',
  }),
  'AWS::SecretsManager::Secret': (_resource, { prices }) => ({
    monthly: prices.fixed.secret.price,
    detail: 'secret; API calls extra',
  }),
  'AWS::SSM::Parameter': (resource, { prices }) =>
    stringProperty(resource, 'Tier') === 'Advanced'
      ? { monthly: prices.fixed.ssmAdvancedParameter.price, detail: 'advanced parameter' }
      : undefined,
  'AWS::Lambda::Alias': provisionedConcurrency,
  'AWS::Lambda::Version': provisionedConcurrency,
  'AWS::DynamoDB::Table': (resource, { prices }) => {
    if (stringProperty(resource, 'BillingMode') === 'PAY_PER_REQUEST') return undefined;
    const capacity = [resource.Properties?.ProvisionedThroughput].concat(
      (arrayProperty(resource, 'GlobalSecondaryIndexes') ?? []).map(
        (index) => (index as { ProvisionedThroughput?: unknown }).ProvisionedThroughput,
      ),
    );
    const units = (key: string) =>
      capacity.reduce<number>(
        (sum, entry) => sum + numberOf((entry as Record<string, unknown> | undefined)?.[key], 0),
        0,
      );
    const reads = units('ReadCapacityUnits');
    const writes = units('WriteCapacityUnits');
    return {
      monthly:
        perHour(prices.fixed.dynamoDbProvisionedReadHour, prices, reads) +
        perHour(prices.fixed.dynamoDbProvisionedWriteHour, prices, writes),
      detail: `provisioned ${reads} RCU + ${writes} WCU (table and indexes)`,
    };
  },
};

// Provisioned concurrency is billed for every hour it is configured: concurrency × memory.
function provisionedConcurrency(
  resource: CloudFormationResource,
  { prices, resources }: { readonly prices: Prices; readonly resources: Resources },
): Omit<FixedCostLine, 'stack' | 'logicalId' | 'type'> | undefined {
  const config = resource.Properties?.ProvisionedConcurrencyConfig as
    { ProvisionedConcurrentExecutions?: unknown } | undefined;
  const executions = numberOf(config?.ProvisionedConcurrentExecutions, 0);
  if (executions === 0) return undefined;
  const functionRef = (resource.Properties?.FunctionName as { Ref?: unknown } | undefined)?.Ref;
  const fn = typeof functionRef === 'string' ? resources[functionRef] : undefined;
  const memoryMb = numberOf(fn?.Properties?.MemorySize, 128);
  const arm = (arrayProperty(fn, 'Architectures') ?? []).includes('arm64');
  const entry = arm
    ? prices.fixed.provisionedConcurrencyArm
    : prices.fixed.provisionedConcurrencyX86;
  return {
    monthly: executions * (memoryMb / 1024) * prices.hoursPerMonth * 3600 * entry.price,
    detail: `${executions} × ${memoryMb} MB ${arm ? 'arm64' : 'x86_64'} provisioned concurrency`,
  };
}

function alarmMetrics(resource: CloudFormationResource): {
  metrics: number;
  highResolution: boolean;
} {
  const queries = arrayProperty(resource, 'Metrics');
  if (queries === undefined) {
    return { metrics: 1, highResolution: numberOf(resource.Properties?.Period, 60) < 60 };
  }
  const stats = queries
    .map((query) => (query as { MetricStat?: { Period?: unknown } }).MetricStat)
    .filter((stat) => stat !== undefined);
  // Anomaly detection alarms are billed as three metrics: the metric and its two bands.
  const bands = resource.Properties?.ThresholdMetricId === undefined ? 0 : 2;
  return {
    metrics: Math.max(1, stats.length) + bands,
    highResolution: stats.some((stat) => numberOf(stat.Period, 60) < 60),
  };
}

function arrayProperty(
  resource: CloudFormationResource | undefined,
  key: string,
): unknown[] | undefined {
  const value = resource?.Properties?.[key];
  return Array.isArray(value) ? value : undefined;
}

function stringProperty(resource: CloudFormationResource, key: string): string | undefined {
  const value = resource.Properties?.[key];
  return typeof value === 'string' ? value : undefined;
}

function numberOf(value: unknown, fallback: number): number {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : fallback;
}
