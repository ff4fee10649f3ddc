import { createHash } from 'node:crypto';
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { AuthorizerConfig } from './AuthorizerConfig.js';
import type { AuthorizerContext } from './AuthorizerContext.js';
import type { AuthorizerLogEntry } from './AuthorizerLogEntry.js';
import { checkAccessTokenClaims } from './checkAccessTokenClaims.js';
import { classifyVerificationError } from './classifyVerificationError.js';
import { createJwksFetcher } from './createJwksFetcher.js';
import { identityFromClaims } from './identityFromClaims.js';
import { readBearerToken } from './readBearerToken.js';
import { UnauthorizedError, type RefusalReason } from './UnauthorizedError.js';
import { VerificationCache, type CacheStats } from './VerificationCache.js';
import { writeLogEntry } from './writeLogEntry.js';

/** A simple response (payload format 2.0) carrying the caller's identity. */
export type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>;

/** Tuning and seams of {@link createAuthorizer}; the defaults are what runs in Lambda. */
export interface AuthorizerOptions {
  /** Most verified tokens remembered at once; defaults to 1000. */
  readonly maxCacheEntries?: number;
  /** Longest a verification is remembered; defaults to 300, and never past the token's `exp`. */
  readonly maxCacheSeconds?: number;
  /** Clock for cache expiry in epoch ms; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Where refusals and failures are logged; defaults to one JSON line on the console. */
  readonly log?: (entry: AuthorizerLogEntry) => void;
}

/** Verification cache counters of one authorizer instance. */
export type AuthorizerStats = CacheStats;

/** The Lambda handler, with its cache counters for tests and diagnostics. */
export type Authorizer = ((
  event: APIGatewayRequestAuthorizerEventV2,
) => Promise<AuthorizerResult>) & {
  /** Cache hits, misses and size since this authorizer was created. */
  readonly stats: () => AuthorizerStats;
};

/** Builds an HTTP API Lambda authorizer that lets anonymous callers through and verifies bearer tokens. */
export function createAuthorizer(
  config: AuthorizerConfig,
  options: AuthorizerOptions = {},
): Authorizer {
  if (config.clientIds.length === 0)
    throw new Error('createAuthorizer needs at least one client id');
  const maxCacheMs = (options.maxCacheSeconds ?? 300) * 1000;
  const now = options.now ?? Date.now;
  const log = options.log ?? writeLogEntry;
  const cache = new VerificationCache<AuthorizerContext>(options.maxCacheEntries ?? 1000);
  // The library keeps the JWKS in this cache too, so it is fetched once per cold start and again
  // only when a token names a key it has not seen (key rotation).
  const verifier = JwtVerifier.create(
    {
      issuer: config.issuer,
      jwksUri: config.jwksUri,
      audience: null,
      customJwtCheck: checkAccessTokenClaims(config.clientIds),
    },
    { jwksCache: new SimpleJwksCache({ fetcher: createJwksFetcher() }) },
  );

  const refuse = (
    event: APIGatewayRequestAuthorizerEventV2,
    reason: RefusalReason,
    cause?: unknown,
  ): never => {
    log({
      level: 'warn',
      message: 'authorizer refused the request',
      reason,
      // The library's errors keep the default name `Error`; their class tells them apart.
      ...(cause instanceof Error ? { error: cause.constructor.name } : {}),
      requestId: event.requestContext?.requestId,
      routeKey: event.routeKey,
    });
    // Throwing rather than returning isAuthorized: false, which API Gateway answers with 403.
    throw new UnauthorizedError(reason, { cause });
  };

  const handle = async (event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> => {
    const credential = readBearerToken(event.headers);
    if (credential.kind === 'none') {
      return {
        isAuthorized: true,
        context: { userId: '', username: '', groups: '', anonymous: 'true' },
      };
    }
    if (credential.kind === 'other') return refuse(event, 'not_bearer');

    // Keyed by a hash so the cache never holds a usable token.
    const key = createHash('sha256').update(credential.token).digest('hex');
    const cached = cache.get(key, now());
    if (cached !== undefined) return { isAuthorized: true, context: cached };

    let payload;
    try {
      payload = await verifier.verify(credential.token);
    } catch (error) {
      const reason = classifyVerificationError(error);
      if (reason !== undefined) return refuse(event, reason, error);
      log({
        level: 'error',
        message: 'authorizer could not verify the token',
        error:
          error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error),
        requestId: event.requestContext?.requestId,
        routeKey: event.routeKey,
      });
      throw new Error('Authorizer could not verify the token', { cause: error });
    }

    const identity = identityFromClaims(payload);
    // checkAccessTokenClaims guarantees exp; the cache must never outlive the token.
    const expiresAt = Math.min(now() + maxCacheMs, (payload.exp ?? 0) * 1000);
    cache.set(key, identity, expiresAt);
    return { isAuthorized: true, context: identity };
  };

  return Object.assign(handle, { stats: () => cache.stats() });
}
