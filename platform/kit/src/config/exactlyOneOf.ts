import type { EnvironmentRule } from './readEnvironment.js';

/**
 * A rule for variables that are alternatives: exactly one of them must be set (non-empty).
 * `what` says what they configure, for the problem's text.
 */
export function exactlyOneOf(names: readonly string[], what: string): EnvironmentRule {
  return (env) => {
    const set = names.filter((name) => env[name] !== undefined && env[name] !== '');
    if (set.length === 1) return undefined;
    const found = set.length === 0 ? 'none is set' : `${set.join(' and ')} are set`;
    return `set exactly one of ${names.join(' or ')} (${what}); ${found}`;
  };
}
