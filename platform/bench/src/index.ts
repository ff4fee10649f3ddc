// The public surface of @stack/bench: the runner and the parts its tests (and other tools) use.
export { runBench, PERFORMANCE_DOC } from './runBench.js';
export {
  parseBenchArguments,
  BENCH_USAGE,
  type BenchArguments,
} from './cli/parseBenchArguments.js';
export {
  SUITE_NAMES,
  type SuiteName,
  type SuiteResult,
  type Figure,
  type Table,
} from './suites/SuiteResult.js';
export { buildMonolithSchema } from './monolith/buildMonolithSchema.js';
export { startMonolith, type Monolith } from './monolith/startMonolith.js';
export { createMonolithContext, type MonolithContext } from './monolith/createMonolithContext.js';
export { percentile, median } from './stats/percentile.js';
export { evaluateTarget, type TargetOutcome } from './report/evaluateTarget.js';
export { atMost, atLeast, type Target } from './report/Target.js';
export {
  replaceGeneratedSection,
  renderGeneratedSection,
  GENERATED_START,
  GENERATED_END,
} from './report/performanceDoc.js';
