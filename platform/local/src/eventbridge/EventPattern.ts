// The shape of an EventBridge event pattern, and how to tell its `$or` apart, as documented in
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html and
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html.
// A value of this type has been checked by `parseEventPattern`; build one there, not by hand.

/** Case-insensitive comparison, accepted inside `prefix` and `suffix`. */
export interface IgnoreCase {
  readonly 'equals-ignore-case': string;
}

/** What `anything-but` may exclude: values, a list of them, or one string comparison. */
export type AnythingBut =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string }
  | { readonly suffix: string }
  | { readonly 'equals-ignore-case': string | readonly string[] }
  | { readonly wildcard: string | readonly string[] };

/** One content-filter operator: an object with exactly one of these keys. */
export type PatternOperator =
  | { readonly prefix: string | IgnoreCase }
  | { readonly suffix: string | IgnoreCase }
  | { readonly 'equals-ignore-case': string }
  | { readonly wildcard: string }
  | { readonly 'anything-but': AnythingBut }
  | { readonly numeric: readonly (string | number)[] }
  | { readonly exists: boolean }
  | { readonly cidr: string };

/** One allowed value at a leaf: an exact JSON scalar or an operator. */
export type PatternValue = string | number | boolean | null | PatternOperator;

/**
 * An event pattern: fields map to a list of allowed values (any may match), to a nested
 * pattern, or, under the key `$or`, to alternative patterns.
 */
export interface EventPattern {
  readonly [field: string]: readonly PatternValue[] | EventPattern | readonly EventPattern[];
}

/** The operators EventBridge accepts in an event pattern, in the order the docs list them. */
export const PATTERN_OPERATORS: readonly string[] = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
];

/**
 * Whether a `$or` field holds alternatives. event-ruler reads `$or` as the OR primitive only
 * for an array of two or more objects without operator keys; otherwise `$or` is an ordinary
 * field name (https://github.com/aws/event-ruler#the-or-primitive).
 */
export function isOrAlternatives(value: unknown): value is readonly EventPattern[] {
  return Array.isArray(value) && value.length >= 2 && value.every(looksLikePattern);
}

/** An object that is a nested pattern rather than an operator such as `{ "prefix": … }`. */
export function looksLikePattern(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !Object.keys(value).some((key) => PATTERN_OPERATORS.includes(key))
  );
}
