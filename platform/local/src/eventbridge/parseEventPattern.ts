import { isIP } from 'node:net';
import {
  isOrAlternatives,
  looksLikePattern,
  PATTERN_OPERATORS,
  type EventPattern,
} from './EventPattern.js';

const LOWER_BOUNDS = new Set(['>', '>=']);
const UPPER_BOUNDS = new Set(['<', '<=']);

/**
 * A pattern EventBridge would refuse. PutRule answers it with `InvalidEventPatternException`;
 * `path` says where in the pattern the problem is (`detail.state[0].prefix`).
 */
export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternException';

  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Event pattern is not valid. Reason: ${path ? `at "${path}": ` : ''}${reason}`);
  }
}

/**
 * Parses and checks an event pattern (a JSON string, as PutRule takes it) against the
 * documented syntax; throws `InvalidEventPatternError` naming the bad path and why.
 */
export function parseEventPattern(json: string): EventPattern {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new InvalidEventPatternError('', `it is not valid JSON (${(error as Error).message})`);
  }
  checkPattern(value, '');
  return value as EventPattern;
}

function checkPattern(value: unknown, path: string): void {
  if (!isPlainObject(value))
    throw new InvalidEventPatternError(path, `a pattern must be a JSON object, got ${kind(value)}`);
  const fields = Object.entries(value);
  if (fields.length === 0)
    throw new InvalidEventPatternError(path, 'a pattern object must name at least one field');
  for (const [key, field] of fields) {
    const at = join(path, key);
    if (key === '$or' && Array.isArray(field) && field.some(looksLikePattern))
      checkAlternatives(field, at);
    else if (Array.isArray(field)) checkValues(field, at);
    else if (isPlainObject(field)) checkPattern(field, at);
    else
      throw new InvalidEventPatternError(
        at,
        `a field must hold an array of allowed values or a nested pattern, got ${kind(field)}; ` +
          `wrap a single value in brackets, e.g. [${JSON.stringify(field)}]`,
      );
  }
}

// A `$or` holding values, not patterns, is a field of that name (see isOrAlternatives); one
// holding a pattern is meant as OR and must be well-formed.
function checkAlternatives(alternatives: readonly unknown[], path: string): void {
  if (!isOrAlternatives(alternatives))
    throw new InvalidEventPatternError(
      path,
      '$or needs an array of at least two patterns (objects of fields), e.g. [{"a":[1]},{"b":[2]}]',
    );
  alternatives.forEach((alternative, index) => checkPattern(alternative, `${path}[${index}]`));
}

function checkValues(values: readonly unknown[], path: string): void {
  if (values.length === 0)
    throw new InvalidEventPatternError(path, 'a list of allowed values must not be empty');
  values.forEach((value, index) => {
    const at = `${path}[${index}]`;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
    if (Array.isArray(value))
      throw new InvalidEventPatternError(at, 'nested arrays are not allowed in a value list');
    checkOperator(value as Record<string, unknown>, at);
  });
}

function checkOperator(operator: Record<string, unknown>, path: string): void {
  const names = Object.keys(operator);
  const [name] = names;
  if (names.length !== 1 || name === undefined)
    throw new InvalidEventPatternError(
      path,
      `an operator object must hold exactly one operator, got ${names.length ? names.join(', ') : 'none'}`,
    );
  const argument = operator[name];
  const at = join(path, name);
  switch (name) {
    case 'prefix':
    case 'suffix':
      if (isPlainObject(argument)) return checkIgnoreCase(argument, at);
      return requireString(
        argument,
        at,
        `${name} takes a string or { "equals-ignore-case": string }`,
      );
    case 'equals-ignore-case':
      return requireString(argument, at, 'equals-ignore-case takes a string');
    case 'wildcard':
      return checkWildcard(argument, at);
    case 'anything-but':
      return checkAnythingBut(argument, at);
    case 'numeric':
      return checkNumeric(argument, at);
    case 'exists':
      if (typeof argument !== 'boolean')
        throw new InvalidEventPatternError(at, `exists takes true or false, got ${kind(argument)}`);
      return;
    case 'cidr':
      return checkCidr(argument, at);
    default:
      throw new InvalidEventPatternError(
        path,
        `unknown operator "${name}"; supported: ${PATTERN_OPERATORS.join(', ')}`,
      );
  }
}

function checkIgnoreCase(argument: Record<string, unknown>, path: string): void {
  const names = Object.keys(argument);
  if (names.length !== 1 || names[0] !== 'equals-ignore-case')
    throw new InvalidEventPatternError(path, 'only { "equals-ignore-case": string } may nest here');
  requireString(argument['equals-ignore-case'], join(path, 'equals-ignore-case'), 'takes a string');
}

function checkAnythingBut(argument: unknown, path: string): void {
  if (typeof argument === 'string' || typeof argument === 'number') return;
  if (Array.isArray(argument)) {
    const allStrings = argument.every((item) => typeof item === 'string');
    const allNumbers = argument.every((item) => typeof item === 'number');
    if (argument.length === 0 || !(allStrings || allNumbers))
      throw new InvalidEventPatternError(
        path,
        'anything-but takes a non-empty list of only strings or only numbers',
      );
    return;
  }
  if (!isPlainObject(argument))
    throw new InvalidEventPatternError(
      path,
      `anything-but takes a string, a number, a list, or one of prefix/suffix/equals-ignore-case/wildcard; got ${kind(argument)}`,
    );
  const names = Object.keys(argument);
  const [name] = names;
  if (names.length !== 1 || name === undefined)
    throw new InvalidEventPatternError(path, 'anything-but takes exactly one nested operator');
  const nested = argument[name];
  const at = join(path, name);
  switch (name) {
    case 'prefix':
    case 'suffix':
      return requireString(nested, at, `anything-but ${name} takes a string`);
    case 'equals-ignore-case':
    case 'wildcard': {
      const items = Array.isArray(nested) ? nested : [nested];
      if (items.length === 0)
        throw new InvalidEventPatternError(at, `anything-but ${name} takes a non-empty list`);
      items.forEach((item, index) => {
        const itemPath = Array.isArray(nested) ? `${at}[${index}]` : at;
        if (name === 'wildcard') checkWildcard(item, itemPath);
        else requireString(item, itemPath, 'equals-ignore-case takes strings');
      });
      return;
    }
    default:
      throw new InvalidEventPatternError(
        path,
        `anything-but cannot nest "${name}"; use prefix, suffix, equals-ignore-case or wildcard`,
      );
  }
}

function checkNumeric(argument: unknown, path: string): void {
  const usage = 'numeric takes [op, number] or a range like [">", 0, "<=", 5]';
  if (!Array.isArray(argument) || (argument.length !== 2 && argument.length !== 4))
    throw new InvalidEventPatternError(path, usage);
  const conditions: [string, number][] = [];
  for (let index = 0; index < argument.length; index += 2) {
    const operator: unknown = argument[index];
    const operand: unknown = argument[index + 1];
    if (typeof operator !== 'string' || !['=', '<', '<=', '>', '>='].includes(operator))
      throw new InvalidEventPatternError(
        `${path}[${index}]`,
        `unknown comparison ${JSON.stringify(operator)}; use =, <, <=, > or >=`,
      );
    if (typeof operand !== 'number')
      throw new InvalidEventPatternError(
        `${path}[${index + 1}]`,
        `a numeric bound must be a JSON number, got ${kind(operand)}`,
      );
    conditions.push([operator, operand]);
  }
  const [first, second] = conditions;
  if (!first || !second) return;
  const lower = LOWER_BOUNDS.has(first[0]) ? first : second;
  const upper = UPPER_BOUNDS.has(first[0]) ? first : second;
  if (lower === upper || !LOWER_BOUNDS.has(lower[0]) || !UPPER_BOUNDS.has(upper[0]))
    throw new InvalidEventPatternError(
      path,
      `a range needs one of >, >= and one of <, <=; ${usage}`,
    );
  if (lower[1] >= upper[1])
    throw new InvalidEventPatternError(path, 'the lower bound of a range must be below the upper');
}

function checkWildcard(argument: unknown, path: string): void {
  requireString(argument, path, 'wildcard takes a string');
  const text = argument as string;
  let previousWasStar = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\\') {
      const escaped = text[index + 1];
      // event-ruler: a backslash escapes only `*` or another backslash.
      if (escaped !== '*' && escaped !== '\\')
        throw new InvalidEventPatternError(path, 'a backslash may only escape * or \\');
      index += 1;
      previousWasStar = false;
    } else if (character === '*') {
      if (previousWasStar)
        throw new InvalidEventPatternError(path, 'consecutive wildcard characters are not allowed');
      previousWasStar = true;
    } else previousWasStar = false;
  }
}

function checkCidr(argument: unknown, path: string): void {
  requireString(argument, path, 'cidr takes a string such as "10.0.0.0/24"');
  const [address = '', bits, ...rest] = (argument as string).split('/');
  const family = isIP(address);
  const width = family === 4 ? 32 : 128;
  const prefixLength = bits === undefined ? width : Number(bits);
  if (
    family === 0 ||
    rest.length > 0 ||
    !Number.isInteger(prefixLength) ||
    prefixLength < 0 ||
    prefixLength > width
  )
    throw new InvalidEventPatternError(path, `${JSON.stringify(argument)} is not an IP range`);
}

function requireString(value: unknown, path: string, reason: string): void {
  if (typeof value !== 'string')
    throw new InvalidEventPatternError(path, `${reason}, got ${kind(value)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
