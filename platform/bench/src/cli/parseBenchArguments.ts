import { SUITE_NAMES, type SuiteName } from '../suites/SuiteResult.js';

/** What `npm run bench -- …` asked for. */
export interface BenchArguments {
  /** The suites to run, in suite order. */
  readonly suites: readonly SuiteName[];
  /** Leave docs/PERFORMANCE.md alone (print only). */
  readonly dryRun: boolean;
  readonly help: boolean;
}

/** Usage text of `npm run bench`. */
export const BENCH_USAGE = `usage: npm run bench [-- --only ${SUITE_NAMES.join(',')}] [--dry-run]

  --only <suites>  run only these suites (comma-separated): ${SUITE_NAMES.join(', ')}
  --dry-run        print the tables but do not rewrite docs/PERFORMANCE.md
`;

/** Parses the bench's arguments; throws with the fix on an unknown suite or option. */
export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  let suites: SuiteName[] = [...SUITE_NAMES];
  let dryRun = false;
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') help = true;
    else if (argument === '--dry-run') dryRun = true;
    else if (argument === '--only' || argument.startsWith('--only=')) {
      const value = argument === '--only' ? argv[(index += 1)] : argument.slice('--only='.length);
      suites = parseSuites(value ?? '');
    } else {
      throw new Error(`unknown argument ${argument}\n${BENCH_USAGE}`);
    }
  }
  return { suites, dryRun, help };
}

function parseSuites(value: string): SuiteName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new Error(`--only needs suite names: ${SUITE_NAMES.join(', ')}`);
  for (const name of names) {
    if (!(SUITE_NAMES as readonly string[]).includes(name)) {
      throw new Error(`--only: unknown suite "${name}"; the suites are ${SUITE_NAMES.join(', ')}`);
    }
  }
  // Suite order, whatever order they were given in: later suites may reuse what earlier built.
  return SUITE_NAMES.filter((name) => names.includes(name));
}
