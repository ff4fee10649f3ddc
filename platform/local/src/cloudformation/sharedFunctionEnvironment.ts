import type { LocalStageModel } from './LocalStageModel.js';
import { resolveEnvironment, type LocalFunction } from './localFunctions.js';

/** The environment every locally run function gets, and what could not be shared. */
export interface SharedFunctionEnvironment {
  /** Variables whose resolved value is the same in every function that sets them. */
  readonly variables: Readonly<Record<string, string>>;
  /** Variables functions set to different values (one process cannot hold both). */
  readonly conflicting: readonly string[];
  /** Each function's resolved variables. */
  readonly perFunction: ReadonlyMap<LocalFunction, Readonly<Record<string, string>>>;
}

/**
 * Resolves the `Environment.Variables` of the functions that run locally (intrinsics to local
 * names) and merges them into the one process environment the in-process handlers share:
 * a variable all functions agree on is set; one they disagree on is reported, not set.
 */
export function sharedFunctionEnvironment(
  model: LocalStageModel,
  functions: readonly LocalFunction[],
): SharedFunctionEnvironment {
  const perFunction = new Map<LocalFunction, Record<string, string>>();
  const values = new Map<string, Set<string>>();
  for (const fn of functions) {
    const variables = resolveEnvironment(model, fn);
    perFunction.set(fn, variables);
    for (const [name, value] of Object.entries(variables)) {
      values.set(name, (values.get(name) ?? new Set()).add(value));
    }
  }
  const variables: Record<string, string> = {};
  const conflicting: string[] = [];
  for (const [name, set] of values) {
    if (set.size === 1) variables[name] = [...set][0] as string;
    else conflicting.push(name);
  }
  return { variables, conflicting: conflicting.sort(), perFunction };
}
