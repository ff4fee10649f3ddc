import { checkSynthFresh } from './checkSynthFresh.js';
import { estimateCost } from './estimateCost.js';
import { formatCostReport } from './formatCostReport.js';
import { loadPrices } from './Prices.js';
import { readCloudAssembly } from './readCloudAssembly.js';
import { REQUEST_PATH_ASSUMPTIONS } from './requestPathAssumptions.js';

/** What `stack cost` was asked to do. */
export interface CostOptions {
  /** The synthesized app (`pipelines/cdk.out`). */
  readonly cdkOut: string;
  /** The specs it was synthesized from, to tell a stale cdk.out (`pipelines/environments`). */
  readonly specsDir: string;
  /** Only this environment; default every one in the assembly. */
  readonly environment: string | undefined;
  readonly json: boolean;
}

/** Prices the synthesized environments and returns the report text (or JSON). */
export function runCost(options: CostOptions): string {
  checkSynthFresh(options.cdkOut, options.specsDir);
  const all = readCloudAssembly(options.cdkOut);
  const selected =
    options.environment === undefined ? all : all.filter((env) => env.name === options.environment);
  if (selected.length === 0) {
    throw new Error(
      options.environment === undefined
        ? `${options.cdkOut} holds no environment (no stage assembly): run npm run synth first`
        : `unknown environment "${options.environment}"; the environments in ${options.cdkOut} are ${all.map((env) => env.name).join(', ')}`,
    );
  }
  const report = estimateCost(selected, loadPrices(), REQUEST_PATH_ASSUMPTIONS);
  return options.json ? `${JSON.stringify(report, null, 2)}\n` : formatCostReport(report);
}
