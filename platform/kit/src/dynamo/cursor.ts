import { badUserInput } from '../errors/graphqlErrors.js';

/** Encodes a position in a list (e.g. DynamoDB's LastEvaluatedKey) as an opaque cursor. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor`; a cursor that is not one, or lacks one of the
 * expected string fields, is a BAD_USER_INPUT naming the argument.
 */
export function decodeCursor<K extends string>(
  cursor: string,
  fields: readonly K[],
  argument = 'after',
): Record<K, string> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const record = value as Record<string, unknown> | undefined;
  if (
    typeof record !== 'object' ||
    record === null ||
    !fields.every((field) => typeof record[field] === 'string')
  ) {
    throw badUserInput(`"${argument}" is not a cursor returned by this list.`, argument);
  }
  return Object.fromEntries(fields.map((field) => [field, record[field]])) as Record<K, string>;
}

/** Validates a page size argument: an integer from 1 to `max`. */
export function pageSize(
  first: number | null | undefined,
  fallback: number,
  max = 100,
  argument = 'first',
): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badUserInput(`"${argument}" must be between 1 and ${max}, got ${size}.`, argument);
  }
  return size;
}
