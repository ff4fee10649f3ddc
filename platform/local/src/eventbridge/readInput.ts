// Readers for request fields. A field of the wrong JSON type is a SerializationException (the
// body does not fit the API model); a missing required one is a ValidationException, worded
// as AWS words constraint failures.
import { AwsError, validationError } from './AwsError.js';
import type { JsonObject } from './startAwsJsonServer.js';

/** A string field, or undefined when absent. */
export function optionalString(input: JsonObject, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(key, 'a string');
  return value;
}

/** A string field that must be present. */
export function requiredString(input: JsonObject, key: string): string {
  return optionalString(input, key) ?? missing(key);
}

/** A number field, or undefined when absent. */
export function optionalNumber(input: JsonObject, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw wrongType(key, 'a number');
  return value;
}

/** A boolean field, or undefined when absent. */
export function optionalBoolean(input: JsonObject, key: string): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(key, 'a boolean');
  return value;
}

/** A list field that must be present. */
export function requiredList(input: JsonObject, key: string): unknown[] {
  const value = input[key];
  if (value === undefined || value === null) return missing(key);
  if (!Array.isArray(value)) throw wrongType(key, 'a list');
  return value;
}

/** A list of strings, or undefined when absent. */
export function optionalStrings(input: JsonObject, key: string): string[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    throw wrongType(key, 'a list of strings');
  return value as string[];
}

/** A structure (JSON object), e.g. one entry of a list. */
export function structure(value: unknown, key: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw wrongType(key, 'a structure');
  return value as JsonObject;
}

/** A timestamp: JSON 1.1 sends epoch seconds; ISO text is accepted too. */
export function optionalTimestamp(input: JsonObject, key: string): Date | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  const date =
    typeof value === 'number'
      ? new Date(value * 1000)
      : typeof value === 'string'
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) throw wrongType(key, 'a timestamp');
  return date;
}

function missing(key: string): never {
  throw validationError(
    `Value null at '${memberName(key)}' failed to satisfy constraint: Member must not be null`,
  );
}

function wrongType(key: string, expected: string): AwsError {
  return new AwsError('SerializationException', `${key} must be ${expected}.`);
}

function memberName(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}
