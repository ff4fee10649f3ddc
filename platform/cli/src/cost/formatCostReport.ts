import { relative } from 'node:path';
import type { CostReport, EnvironmentCost } from './estimateCost.js';
import type { RequestPathCost } from './priceRequestPath.js';

/** The human-readable `stack cost` report. */
export function formatCostReport(report: CostReport): string {
  const { prices, assumptions } = report;
  const out: string[] = [
    `Prices: ${prices.region} list prices in ${prices.currency} as published, checked ${prices.date}; approximate (${display(prices.file)}).`,
  ];
  for (const environment of report.environments) out.push('', ...formatEnvironment(environment));

  const regions = [
    ...new Set(report.environments.flatMap((environment) => environment.regions)),
  ].filter((region) => region !== prices.region);
  out.push(
    '',
    'Assumptions:',
    `  * warm invocations: authorizer ${assumptions.authorizer.durationMs} ms, router ${assumptions.router.durationMs} ms (it waits for the subgraph), subgraph ${assumptions.subgraph.durationMs} ms; cold starts not counted`,
    `  * ${assumptions.subgraph.invocationsPerRequest} subgraph call per request (0 with subgraphTopology: colocated); ${assumptions.dynamoDbReadUnitsPerRequest} DynamoDB read units per request; no CloudFront caching of API responses`,
    `  * "(assumed)" lines are not sized from the templates: the resource is not in them (yet)`,
    '  * free tiers are per account: the first 3 dashboards and 10 alarm metrics, 1 million Lambda requests, 10 million CloudFront requests a month are free once per account, not per environment',
    '  * not counted: data transfer out, log ingestion and storage (per GB), custom metrics, X-Ray traces, DynamoDB storage',
  );
  if (regions.length > 0) {
    out.push(
      `  * ${regions.join(', ')} list prices differ from ${prices.region} by a few percent for some services (e.g. NAT gateway, HTTP API)`,
    );
  }
  return `${out.join('\n')}\n`;
}

function formatEnvironment(environment: EnvironmentCost): string[] {
  const { fixed } = environment;
  const out = [
    `${environment.name} — account ${environment.account}, ${environment.regions.join(' + ')}, ${environment.stacks} stack${environment.stacks === 1 ? '' : 's'}, ${environment.resources} resources`,
    '  Fixed cost per month at zero traffic:',
  ];
  if (fixed.lines.length === 0) out.push('    no resource costs money while idle');
  const idWidth = Math.max(10, ...fixed.lines.map((line) => line.logicalId.length));
  const typeWidth = Math.max(4, ...fixed.lines.map((line) => line.type.length));
  for (const line of fixed.lines) {
    out.push(
      `    ${line.logicalId.padEnd(idWidth)}  ${line.type.padEnd(typeWidth)}  ${money(line.monthly, 2).padStart(8)}  ${line.detail}`,
    );
  }
  out.push(
    `    total at list price (the account's free tier already used elsewhere): ${money(fixed.listPrice, 2)}`,
    `    total if this is the only environment in its account:                  ${money(fixed.aloneInAccount, 2)}`,
  );
  if (fixed.unpriced.length > 0) {
    out.push(
      `    not priced (no entry in prices.json; check by hand): ${fixed.unpriced.map((entry) => `${entry.type} ×${entry.count}`).join(', ')}`,
    );
  }
  out.push(
    `  One million API requests (${environment.apiRequests.lines.some((line) => line.step.startsWith('WAF')) ? 'CloudFront → WAF → ' : 'CloudFront → '}HTTP API → authorizer λ → router λ → subgraph λ → DynamoDB reads):`,
    ...formatPath(environment.apiRequests),
    '  One million mutations add (write → stream → Pipe → publisher λ → bus → worker queue):',
    ...formatPath(environment.mutations),
  );
  return out;
}

function formatPath(cost: RequestPathCost): string[] {
  const width = Math.max(...cost.lines.map((line) => line.step.length));
  return [
    ...cost.lines.map(
      (line) =>
        `    ${line.step.padEnd(width)}  ${money(line.perMillion, 3).padStart(7)}  ${line.detail}${line.basis === 'assumed' ? ' (assumed)' : ''}`,
    ),
    `    ${'total'.padEnd(width)}  ${money(cost.perMillion, 3).padStart(7)}  per million`,
  ];
}

function money(amount: number, decimals: number): string {
  return `$${amount.toFixed(decimals)}`;
}

function display(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === '' || fromCwd.startsWith('..') ? path : fromCwd;
}
