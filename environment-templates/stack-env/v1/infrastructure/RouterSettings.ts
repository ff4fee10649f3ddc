/** How the environment's router function is sized and tuned (from the router instance's spec). */
export interface RouterSettings {
  /** Memory in MB; query planning is CPU-bound and Lambda's CPU share grows with it. */
  readonly memorySize: number;
  /** Longest one request may take; API Gateway gives an integration at most 30 s. */
  readonly timeoutSeconds: number;
  /** Longest one subgraph call may take. */
  readonly subgraphTimeoutMs: number;
  /** Largest GraphQL request body accepted; bigger ones get 413 before parsing. */
  readonly maxBodyBytes: number;
  /** Concurrency reserved for and capped at the router; absent = unreserved. */
  readonly reservedConcurrency?: number;
}

/** The router without a router instance: graphql-router@1's defaults. */
export const DEFAULT_ROUTER_SETTINGS: RouterSettings = {
  memorySize: 1024,
  timeoutSeconds: 10,
  subgraphTimeoutMs: 5_000,
  maxBodyBytes: 100_000,
};
