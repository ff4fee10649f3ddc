import { BlockList, isIP } from 'node:net';
import {
  isOrAlternatives,
  type AnythingBut,
  type EventPattern,
  type PatternOperator,
  type PatternValue,
} from './EventPattern.js';

/** A JSON scalar: what a pattern's value list is compared with. */
type Leaf = string | number | boolean | null;

/**
 * Whether an event (or any JSON document) matches a pattern checked by `parseEventPattern`,
 * with EventBridge's semantics: every field named must match (AND), any value in a field's
 * list may match (OR), `$or` picks among alternative patterns, and when the event holds an
 * array, any one element may match.
 */
export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  return matchesObject(pattern, event);
}

function matchesObject(pattern: EventPattern, value: unknown): boolean {
  // Arrays of objects are "crushed out": the nested pattern must match one element as a whole,
  // so two fields never match from different elements (event-ruler's rulesForJSONEvent,
  // https://github.com/aws/event-ruler#json-array-matching).
  if (Array.isArray(value))
    return value.length === 0
      ? matchesObject(pattern, undefined)
      : value.some((element) => matchesObject(pattern, element));
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or' && isOrAlternatives(expected))
      return expected.some((alternative) => matchesObject(alternative, value));
    const field = isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    return Array.isArray(expected)
      ? matchesValues(expected as readonly PatternValue[], field)
      : matchesObject(expected as EventPattern, field);
  });
}

function matchesValues(allowed: readonly PatternValue[], field: unknown): boolean {
  const leaves = leavesOf(field);
  return allowed.some((value) => {
    // `exists` looks only at leaves: a field holding an object "does not exist" (docs: "Exists
    // matching only works on leaf nodes"), and neither does an empty array.
    if (isOperator(value) && 'exists' in value) return value.exists === leaves.length > 0;
    return leaves.some((leaf) => matchesLeaf(value, leaf));
  });
}

function leavesOf(value: unknown): Leaf[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (typeof value === 'object' && value !== null) return [];
  return [value as Leaf];
}

function matchesLeaf(allowed: PatternValue, leaf: Leaf): boolean {
  // Exact values compare by JSON type: 5 never matches "5", and "" never matches null (docs:
  // "Null values and empty strings are not interchangeable").
  if (!isOperator(allowed)) return allowed === leaf;
  if ('anything-but' in allowed) return !isExcluded(allowed['anything-but'], leaf);
  if ('numeric' in allowed) return typeof leaf === 'number' && inRange(allowed.numeric, leaf);
  if (typeof leaf !== 'string') return false; // every other operator is for strings only
  if ('prefix' in allowed) {
    const prefix = allowed.prefix;
    return typeof prefix === 'string'
      ? leaf.startsWith(prefix)
      : lower(leaf).startsWith(lower(prefix['equals-ignore-case']));
  }
  if ('suffix' in allowed) {
    const suffix = allowed.suffix;
    return typeof suffix === 'string'
      ? leaf.endsWith(suffix)
      : lower(leaf).endsWith(lower(suffix['equals-ignore-case']));
  }
  if ('equals-ignore-case' in allowed) return lower(leaf) === lower(allowed['equals-ignore-case']);
  if ('wildcard' in allowed) return wildcardRegExp(allowed.wildcard).test(leaf);
  if ('cidr' in allowed) return inCidr(allowed.cidr, leaf);
  return false;
}

function isExcluded(excluded: AnythingBut, leaf: Leaf): boolean {
  if (typeof excluded === 'string' || typeof excluded === 'number') return leaf === excluded;
  if (Array.isArray(excluded)) return (excluded as readonly Leaf[]).includes(leaf);
  // The string comparisons exclude strings only; any other present value is "anything but".
  if (typeof leaf !== 'string') return false;
  const comparison = excluded as Exclude<AnythingBut, string | number | readonly unknown[]>;
  if ('prefix' in comparison) return leaf.startsWith(comparison.prefix);
  if ('suffix' in comparison) return leaf.endsWith(comparison.suffix);
  if ('equals-ignore-case' in comparison)
    return listOf(comparison['equals-ignore-case']).some((value) => lower(value) === lower(leaf));
  return listOf(comparison.wildcard).some((wildcard) => wildcardRegExp(wildcard).test(leaf));
}

function inRange(conditions: readonly (string | number)[], value: number): boolean {
  for (let index = 0; index < conditions.length; index += 2) {
    const bound = Number(conditions[index + 1]);
    switch (conditions[index]) {
      case '=':
        if (!(value === bound)) return false;
        break;
      case '<':
        if (!(value < bound)) return false;
        break;
      case '<=':
        if (!(value <= bound)) return false;
        break;
      case '>':
        if (!(value > bound)) return false;
        break;
      case '>=':
        if (!(value >= bound)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

const wildcards = new Map<string, RegExp>();

/** `*` matches any run of characters; `\*` and `\\` are a literal star and backslash. */
function wildcardRegExp(wildcard: string): RegExp {
  let regExp = wildcards.get(wildcard);
  if (regExp) return regExp;
  let source = '';
  for (let index = 0; index < wildcard.length; index += 1) {
    const character = wildcard.charAt(index);
    if (character === '\\' && index + 1 < wildcard.length) {
      index += 1;
      source += escapeRegExp(wildcard.charAt(index));
    } else source += character === '*' ? '.*' : escapeRegExp(character);
  }
  regExp = new RegExp(`^${source}$`, 'su');
  wildcards.set(wildcard, regExp);
  return regExp;
}

const ranges = new Map<string, BlockList>();

function inCidr(cidr: string, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  let range = ranges.get(cidr);
  if (!range) {
    const [network = '', bits] = cidr.split('/');
    const type = isIP(network) === 4 ? 'ipv4' : 'ipv6';
    range = new BlockList();
    range.addSubnet(
      network,
      bits === undefined ? (type === 'ipv4' ? 32 : 128) : Number(bits),
      type,
    );
    ranges.set(cidr, range);
  }
  return range.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function isOperator(value: PatternValue): value is PatternOperator {
  return typeof value === 'object' && value !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function lower(text: string): string {
  return text.toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
