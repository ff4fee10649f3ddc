import { readFileSync } from 'node:fs';

/** One price: the amount in the file's currency, what it is charged for, and where it is from. */
export interface PriceEntry {
  readonly price: number;
  /** What one `price` buys, e.g. "per web ACL per month". */
  readonly unit: string;
  /** The pricing page the price was read from. */
  readonly source: string;
  /** How much of it the AWS free tier covers, per account (not per environment). */
  readonly freePerAccount?: number;
  readonly note?: string;
}

/** Fixed (per month or per hour) prices, by name. */
export interface FixedPrices {
  readonly wafWebAcl: PriceEntry;
  readonly wafRule: PriceEntry;
  readonly dashboard: PriceEntry;
  readonly alarmMetric: PriceEntry;
  readonly highResolutionAlarmMetric: PriceEntry;
  readonly compositeAlarm: PriceEntry;
  readonly natGatewayHour: PriceEntry;
  readonly publicIpv4Hour: PriceEntry;
  readonly interfaceEndpointHour: PriceEntry;
  readonly kmsKey: PriceEntry;
  readonly hostedZone: PriceEntry;
  readonly secret: PriceEntry;
  readonly ssmAdvancedParameter: PriceEntry;
  readonly provisionedConcurrencyArm: PriceEntry;
  readonly provisionedConcurrencyX86: PriceEntry;
  readonly dynamoDbProvisionedReadHour: PriceEntry;
  readonly dynamoDbProvisionedWriteHour: PriceEntry;
}

/** Usage prices, per million requests (or per GB-second for Lambda duration). */
export interface RequestPrices {
  readonly cloudFrontHttpsRequests: PriceEntry;
  readonly wafRequests: PriceEntry;
  readonly httpApiRequests: PriceEntry;
  readonly lambdaRequests: PriceEntry;
  readonly lambdaArmGbSecond: PriceEntry;
  readonly lambdaX86GbSecond: PriceEntry;
  readonly dynamoDbReadRequestUnits: PriceEntry;
  readonly dynamoDbWriteRequestUnits: PriceEntry;
  readonly sqsRequests: PriceEntry;
  readonly eventBridgeCustomEvents: PriceEntry;
  readonly eventBridgePipesRequests: PriceEntry;
}

/** The contents of prices.json. */
export interface Prices {
  readonly region: string;
  readonly currency: 'USD';
  /** When the prices were checked, `YYYY-MM`. */
  readonly date: string;
  readonly hoursPerMonth: number;
  readonly fixed: FixedPrices;
  readonly requests: RequestPrices;
  /** Resource types with no cost while idle; anything neither here nor priced is reported. */
  readonly noFixedCost: {
    readonly unit: string;
    readonly source: string;
    readonly types: readonly string[];
  };
}

/** Where the price data lives (shown in reports, so a reader knows what to update). */
export const PRICES_FILE = new URL('./prices.json', import.meta.url);

/** Reads prices.json. Its shape is checked by test/cost/prices.test.ts, not at run time. */
export function loadPrices(): Prices {
  return JSON.parse(readFileSync(PRICES_FILE, 'utf8')) as Prices;
}
