import type { LambdaFunction } from './LambdaFunction.js';

/** Picks the named functions (all of them when no name is given), refusing unknown names. */
export function selectFunctions(
  known: readonly LambdaFunction[],
  names: readonly string[],
): LambdaFunction[] {
  if (names.length === 0) return [...known];
  const unknown = names.filter((name) => !known.some((fn) => fn.name === name));
  if (unknown.length > 0) {
    const quoted = unknown.map((name) => `"${name}"`).join(', ');
    throw new Error(
      `unknown function${unknown.length > 1 ? 's' : ''} ${quoted}: known functions are ${known.map((fn) => fn.name).join(', ')} ` +
        '(one per services/<name>/src/handler.ts); pass one of those names or none to build all',
    );
  }
  return known.filter((fn) => names.includes(fn.name));
}
