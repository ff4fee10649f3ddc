/** Socket errors that mean "the service could not be reached just now", not "the request is wrong". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
]);

/** AWS error names for throttling, time-outs and the service's own failures. */
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
]);

/** The same codes inside a message: the SDK keeps only the text of an error it cannot classify. */
const NETWORK_CODE_IN_MESSAGE = new RegExp(`\\b(${[...NETWORK_CODES].join('|')})\\b`);

interface ErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

/**
 * Whether `error` (or what caused it) is an AWS SDK failure a client may retry: the service was
 * unreachable, timed out, throttled or failed on its side (HTTP 429 or 5xx), after the SDK's own
 * retries. Bugs and rejected requests (validation, conditional checks) are not transient.
 */
export function isTransientAwsError(error: unknown): boolean {
  let current: unknown = error;
  // Wrappers (DataLoader, our repositories) may keep the SDK's error as `cause`.
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const shape = current as ErrorShape;
    if (typeof shape.code === 'string' && NETWORK_CODES.has(shape.code)) return true;
    // e.g. "AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:8000", when the
    // socket error came from another realm (a VM context) and failed `instanceof Error`.
    if (typeof shape.message === 'string' && NETWORK_CODE_IN_MESSAGE.test(shape.message)) {
      return true;
    }
    if (typeof shape.name === 'string' && TRANSIENT_NAMES.has(shape.name)) return true;
    if (shape.$retryable) return true;
    const status = shape.$metadata?.httpStatusCode;
    if (typeof status === 'number' && (status === 429 || status >= 500)) return true;
    current = shape.cause;
  }
  return false;
}
