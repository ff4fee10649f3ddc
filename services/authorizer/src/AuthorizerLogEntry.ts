import type { RefusalReason } from './UnauthorizedError.js';

/** One structured log line of the authorizer. It never holds the token or its claims. */
export interface AuthorizerLogEntry {
  readonly level: 'warn' | 'error';
  readonly message: string;
  /** Why a credential was refused; absent for failures on our side. */
  readonly reason?: RefusalReason;
  /** Class name of the underlying error, e.g. `JwtExpiredError`. */
  readonly error?: string;
  readonly requestId?: string;
  readonly routeKey?: string;
}
