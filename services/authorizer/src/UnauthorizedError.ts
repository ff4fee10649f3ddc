/** Why a presented credential was refused; logged and carried on {@link UnauthorizedError}. */
export type RefusalReason =
  | 'not_bearer'
  | 'malformed_token'
  | 'unsupported_algorithm'
  | 'unknown_key'
  | 'invalid_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'invalid_issuer'
  | 'wrong_token_use'
  | 'client_id_not_allowed';

/**
 * Thrown by the authorizer when a request presents a credential that is not a valid access token.
 * The message must stay exactly `Unauthorized`: that is the error message API Gateway turns into
 * a 401 (documented for REST API Lambda authorizers, see README). The local API edge maps it to
 * 401 by type, and reads `reason` only for its logs.
 */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';

  constructor(
    readonly reason: RefusalReason,
    options?: { cause?: unknown },
  ) {
    super('Unauthorized', options);
  }
}
