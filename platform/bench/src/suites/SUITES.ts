import { runColdStartSuite } from '../coldstart/runColdStartSuite.js';
import { runFederationSuite } from '../federation/runFederationSuite.js';
import { runStartupSuite } from '../startup/runStartupSuite.js';
import { runTableCallsSuite } from '../tablecalls/runTableCallsSuite.js';
import type { BenchContext } from './BenchContext.js';
import type { SuiteName, SuiteResult } from './SuiteResult.js';

/** Each suite's runner, by the name `--only` takes. */
export const SUITES: Readonly<Record<SuiteName, (context: BenchContext) => Promise<SuiteResult>>> =
  {
    federation: runFederationSuite,
    coldstart: runColdStartSuite,
    tablecalls: runTableCallsSuite,
    startup: runStartupSuite,
  };
