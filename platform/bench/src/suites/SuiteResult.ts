import type { Target } from '../report/Target.js';

/** The suites of `npm run bench`, in the order they run. */
export const SUITE_NAMES = ['federation', 'coldstart', 'tablecalls', 'startup'] as const;

/** The name of one suite, as `--only` takes it. */
export type SuiteName = (typeof SUITE_NAMES)[number];

/** A table of measurements, printed to the console and written to PERFORMANCE.md. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One measured figure, optionally held to a target. */
export interface Figure {
  readonly label: string;
  /** undefined when the figure could not be measured (see `note`). */
  readonly value: number | undefined;
  readonly unit: string;
  readonly target?: Target;
  /** Why the value is missing, or what it means. */
  readonly note?: string;
}

/** What one suite measured. */
export interface SuiteResult {
  readonly name: SuiteName;
  readonly title: string;
  /** ISO-8601 time the suite started. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly tables: readonly Table[];
  readonly figures: readonly Figure[];
  /** Explanations that belong next to the figures (what happened and why). */
  readonly notes: readonly string[];
}
