import { ANONYMOUS, type Identity } from '@stack/kit';

/** The router's per-request context: the caller as the authorizer verified it. */
export interface RouterContext {
  readonly identity: Identity;
  readonly requestId: string;
}

/**
 * The caller of a subgraph fetch. The gateway types a data source's context loosely (health
 * checks carry none), so anything that is not a router context counts as anonymous.
 */
export function callerOf(context: object | undefined): {
  identity: Identity;
  requestId?: string;
} {
  const candidate = context as Partial<RouterContext> | undefined;
  const identity = candidate?.identity ?? ANONYMOUS;
  return typeof candidate?.requestId === 'string'
    ? { identity, requestId: candidate.requestId }
    : { identity };
}
