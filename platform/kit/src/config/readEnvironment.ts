/** How to read one environment variable: what it is for, how to parse it, its default. */
export interface VariableSpec<T> {
  /** One line saying what the variable configures (shown in errors). */
  readonly doc: string;
  /** Parses the raw string; throws an Error whose message says what is wrong. */
  readonly parse: (raw: string) => T;
  /** Used when the variable is unset or empty; without it the variable is required. */
  readonly default?: T;
}

export type EnvironmentSpec = Record<string, VariableSpec<unknown>>;

/**
 * A check across variables (e.g. "exactly one of A or B"): given the raw environment, the
 * problem in one sentence, or undefined when there is none.
 */
export type EnvironmentRule = (env: NodeJS.ProcessEnv) => string | undefined;
export type Environment<S extends EnvironmentSpec> = {
  readonly [K in keyof S]: S[K] extends VariableSpec<infer T> ? T : never;
};

/** Thrown when environment variables are missing or invalid; lists every problem at once. */
export class EnvironmentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvironmentError';
  }
}

/**
 * Reads and validates typed configuration from environment variables. Call it once at cold
 * start (module scope or a lazy singleton) so a misconfigured function fails at its first
 * invocation with every problem listed, not deep inside a request. `rules` add checks across
 * variables; their problems are listed with the others.
 */
export function readEnvironment<S extends EnvironmentSpec>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
  rules: readonly EnvironmentRule[] = [],
): Environment<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if ('default' in variable) values[name] = variable.default;
      else problems.push(`${name} is required (${variable.doc})`);
      continue;
    }
    try {
      values[name] = variable.parse(raw);
    } catch (error) {
      problems.push(
        `${name}=${JSON.stringify(raw)}: ${(error as Error).message} (${variable.doc})`,
      );
    }
  }
  for (const rule of rules) {
    const problem = rule(env);
    if (problem !== undefined) problems.push(problem);
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return values as Environment<S>;
}
