import type { BaseContext, Identity, Subgraph } from '@stack/kit';
import { randomUUID } from 'node:crypto';

/** The monolith's per-request context: every service's context merged into one object. */
export type MonolithContext = BaseContext & Readonly<Record<string, unknown>>;

/**
 * Builds one request's context as the union of the subgraphs' contexts (each from the
 * subgraph's own `createContext`), so each service's repositories and DataLoaders exist once
 * per request and batch exactly as they do behind the router.
 */
export function createMonolithContext(
  subgraphs: ReadonlyMap<string, Subgraph>,
  identity: Identity,
  requestId: string = randomUUID(),
): MonolithContext {
  const merged: Record<string, unknown> = {};
  for (const subgraph of subgraphs.values()) {
    Object.assign(merged, subgraph.createContext(identity, requestId));
  }
  return merged as MonolithContext;
}
