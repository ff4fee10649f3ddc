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
 * invocation with every problem listed, not deep inside a request.
 */
export function readEnvironment<S extends EnvironmentSpec>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
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
  if (problems.length > 0) throw new EnvironmentError(problems);
  return values as Environment<S>;
}
