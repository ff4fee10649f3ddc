/** A variable holding any non-empty text. */
export const text =
  () =>
  (raw: string): string =>
    raw;

/** A variable holding an integer within [min, max]. */
export const integer =
  ({ min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {}) =>
  (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new Error('is not an integer');
    if (value < min || value > max) throw new Error(`must be between ${min} and ${max}`);
    return value;
  };

/** A variable holding one of the listed words. */
export const oneOf =
  <const T extends string>(choices: readonly T[]) =>
  (raw: string): T => {
    if (!(choices as readonly string[]).includes(raw)) {
      throw new Error(`must be one of ${choices.join(', ')}`);
    }
    return raw as T;
  };

/** A variable holding an absolute http(s) URL. */
export const url =
  () =>
  (raw: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error('is not a URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error('must be an http or https URL');
    }
    return raw;
  };

/** A variable holding a secret of at least `minLength` characters. */
export const secret =
  ({ minLength = 32 } = {}) =>
  (raw: string): string => {
    if (raw.length < minLength) throw new Error(`must be at least ${minLength} characters`);
    return raw;
  };

// An SSM parameter name (`/a/b`, up to 15 levels) or its ARN; the characters SSM accepts.
const PARAMETER = /^(arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter)?\/?[A-Za-z0-9_.\-/]+$/;

/** A variable holding the name (or ARN) of an SSM parameter. */
export const parameterName =
  () =>
  (raw: string): string => {
    if (!PARAMETER.test(raw) || raw.length > 2048) {
      throw new Error('is not an SSM parameter name (letters, digits, _ . - and / only)');
    }
    return raw;
  };
