import { EventContractError } from './EventContractError.js';

/**
 * Hand-written readers for event payloads (no schema library at run time): each checks one
 * field and throws an EventContractError naming the contract and the field's path.
 */
export class FieldReader {
  constructor(
    private readonly contract: string,
    private readonly path: string,
    private readonly value: Record<string, unknown>,
  ) {}

  /** Reads `value` at `path` as an object, or throws. */
  static of(contract: string, path: string, value: unknown): FieldReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new EventContractError(contract, path, `must be an object, got ${describe(value)}`);
    }
    return new FieldReader(contract, path, value as Record<string, unknown>);
  }

  /** A nested object field. */
  object(field: string): FieldReader {
    return FieldReader.of(this.contract, this.at(field), this.value[field]);
  }

  /** A non-empty string field (up to `maxLength` characters, counted as code points). */
  string(field: string, { maxLength = Number.MAX_SAFE_INTEGER } = {}): string {
    const value = this.value[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw this.fail(field, `must be a non-empty string, got ${describe(value)}`);
    }
    const length = value.length > maxLength ? Array.from(value).length : value.length;
    if (length > maxLength) {
      throw this.fail(field, `must be at most ${maxLength} characters, got ${length}`);
    }
    return value;
  }

  /** A string field that may be empty. */
  text(field: string): string {
    const value = this.value[field];
    if (typeof value !== 'string')
      throw this.fail(field, `must be a string, got ${describe(value)}`);
    return value;
  }

  /** A string field that may be absent; present but not a string is an error. */
  optionalString(field: string): string | undefined {
    return this.value[field] === undefined ? undefined : this.string(field);
  }

  /** An ISO 8601 timestamp field. */
  time(field: string): string {
    const value = this.string(field);
    if (Number.isNaN(Date.parse(value))) {
      throw this.fail(field, `must be an ISO 8601 time, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  /** An integer field within [min, max]. */
  integer(field: string, { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {}) {
    const value = this.value[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw this.fail(field, `must be an integer from ${min} to ${max}, got ${describe(value)}`);
    }
    return value;
  }

  /** A boolean field that may be absent. */
  optionalBoolean(field: string): boolean | undefined {
    const value = this.value[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      throw this.fail(field, `must be true or false, got ${describe(value)}`);
    }
    return value;
  }

  /** A field holding an array of strings (absent reads as empty). */
  strings(field: string): string[] {
    const value = this.value[field] ?? [];
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
      throw this.fail(field, `must be a list of strings, got ${describe(value)}`);
    }
    return value as string[];
  }

  /** A field that must hold exactly `expected`. */
  literal<const T extends string | number>(field: string, expected: T): T {
    const value = this.value[field];
    if (value !== expected) {
      throw this.fail(field, `must be ${JSON.stringify(expected)}, got ${describe(value)}`);
    }
    return expected;
  }

  /** Whether the field is present at all. */
  has(field: string): boolean {
    return this.value[field] !== undefined;
  }

  /** The raw value of a field. */
  raw(field: string): unknown {
    return this.value[field];
  }

  /** An EventContractError about `field`. */
  fail(field: string, problem: string): EventContractError {
    return new EventContractError(this.contract, this.at(field), problem);
  }

  private at(field: string): string {
    return `${this.path}.${field}`;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
