import type { Cleanup } from '../infra/Cleanup.js';

/** What every suite gets from `npm run bench`. */
export interface BenchContext {
  /** The repository root (where package.json, dist/ and docs/ are). */
  readonly repoRoot: string;
  /** Starts DynamoDB Local on first call (in memory) and points this process at it. */
  readonly dynamoDb: () => Promise<void>;
  /** Stops what suites started, even when they fail. */
  readonly cleanup: Cleanup;
  /** Progress lines on stderr (tables go to stdout). */
  readonly log: (line: string) => void;
}
