import type { GraphQLFormattedError } from 'graphql';

/** A GraphQL request as the router sends it to a subgraph. */
export interface SubgraphRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
}

/** A GraphQL response in its serialized shape. */
export interface SubgraphResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** The payload of a direct Lambda invocation of a subgraph by the router. */
export interface DirectInvokeEvent {
  readonly kind: 'stack.subgraph-request';
  readonly request: SubgraphRequest;
  readonly identity: string;
  readonly signature: string;
}

/** True when a Lambda event is the router's direct invocation payload. */
export function isDirectInvokeEvent(event: unknown): event is DirectInvokeEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { kind?: unknown }).kind === 'stack.subgraph-request'
  );
}
