import { fileURLToPath } from 'node:url';
import type { Prices } from './Prices.js';
import { PRICES_FILE } from './Prices.js';
import {
  priceFixedResources,
  type FixedCostLine,
  type FreeTierPool,
} from './priceFixedResources.js';
import { priceApiRequest, priceMutation, type RequestPathCost } from './priceRequestPath.js';
import type { SynthesizedEnvironment, SynthesizedStack } from './readCloudAssembly.js';
import type { RequestPathAssumptions } from './requestPathAssumptions.js';

/** The cost picture of one environment, as `stack cost` prints it (and `--json` emits it). */
export interface EnvironmentCost {
  readonly name: string;
  readonly account: string;
  /** Regions of its stacks, the biggest stack's first (a CloudFront web ACL lives in us-east-1). */
  readonly regions: readonly string[];
  readonly stacks: number;
  readonly resources: number;
  readonly fixed: {
    readonly lines: readonly FixedCostLine[];
    /** Monthly list price: what the environment adds to an account whose free tier is used up. */
    readonly listPrice: number;
    /** Monthly cost if this is the only environment in its account (free tier applied). */
    readonly aloneInAccount: number;
    /** Resource types nothing prices (neither in prices.json nor known to be free while idle). */
    readonly unpriced: readonly { readonly type: string; readonly count: number }[];
  };
  /** One million GraphQL API requests. */
  readonly apiRequests: RequestPathCost;
  /** What one million mutations add on top of their API requests. */
  readonly mutations: RequestPathCost;
}

/** The report of one `stack cost` run. */
export interface CostReport {
  readonly prices: {
    readonly file: string;
    readonly region: string;
    readonly currency: string;
    readonly date: string;
  };
  readonly assumptions: RequestPathAssumptions;
  readonly environments: readonly EnvironmentCost[];
}

/** Prices the synthesized environments with the given prices and request assumptions. */
export function estimateCost(
  environments: readonly SynthesizedEnvironment[],
  prices: Prices,
  assumptions: RequestPathAssumptions,
): CostReport {
  return {
    prices: {
      file: fileURLToPath(PRICES_FILE),
      region: prices.region,
      currency: prices.currency,
      date: prices.date,
    },
    assumptions,
    environments: environments.map((environment) => estimateOne(environment, prices, assumptions)),
  };
}

function estimateOne(
  environment: SynthesizedEnvironment,
  prices: Prices,
  assumptions: RequestPathAssumptions,
): EnvironmentCost {
  const { stacks } = environment;
  const size = (stack: SynthesizedStack) => Object.keys(stack.template.Resources ?? {}).length;
  const places = [...stacks]
    .sort((a, b) => size(b) - size(a))
    .map((stack) => stack.environment.replace(/^aws:\/\//, '').split('/'));
  const account = places[0]?.[0] ?? 'unknown';
  const regions = [...new Set(places.map(([, region]) => region ?? 'unknown'))];
  const fixed = priceFixedResources(stacks, prices);
  const listPrice = sum(fixed.lines.map((line) => line.monthly));
  return {
    name: environment.name,
    account,
    regions,
    stacks: stacks.length,
    resources: stacks.reduce((count, stack) => count + size(stack), 0),
    fixed: {
      lines: fixed.lines.map((line) => ({ ...line, monthly: round(line.monthly) })),
      listPrice: round(listPrice),
      aloneInAccount: round(listPrice - freeTierSavings(fixed.lines, prices)),
      unpriced: fixed.unpriced,
    },
    apiRequests: rounded(priceApiRequest(stacks, prices, assumptions)),
    mutations: rounded(priceMutation(stacks, prices, assumptions)),
  };
}

// Free allowances belong to the account: an environment alone in its account gets all of them.
function freeTierSavings(lines: readonly FixedCostLine[], prices: Prices): number {
  const pools: Record<FreeTierPool, { free: number; price: number }> = {
    dashboard: {
      free: prices.fixed.dashboard.freePerAccount ?? 0,
      price: prices.fixed.dashboard.price,
    },
    alarmMetric: {
      free: prices.fixed.alarmMetric.freePerAccount ?? 0,
      price: prices.fixed.alarmMetric.price,
    },
  };
  return sum(
    Object.entries(pools).map(([pool, { free, price }]) => {
      const used = sum(
        lines
          .filter((line) => line.freeTier?.pool === pool)
          .map((line) => line.freeTier?.units ?? 0),
      );
      return Math.min(used, free) * price;
    }),
  );
}

function rounded(cost: RequestPathCost): RequestPathCost {
  return {
    lines: cost.lines.map((line) => ({ ...line, perMillion: round(line.perMillion) })),
    perMillion: round(cost.perMillion),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// Float noise (0.30000000000000004) would leak into --json; a millionth of a dollar is plenty.
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
