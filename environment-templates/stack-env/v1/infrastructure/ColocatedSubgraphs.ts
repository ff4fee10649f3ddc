/** One subgraph service that runs inside the colocated router. */
export interface ColocatedSubgraph {
  /** The service's name: its table keys start `<name>#`. */
  readonly name: string;
  /** Services whose items it reads by key (its `readsFrom` input). */
  readonly readsFrom: readonly string[];
}

/**
 * What the `colocated` topology needs from the pipeline: the generated router entry that
 * bundles every subgraph instance of the environment, and those instances, whose table access
 * the router's role takes over.
 */
export interface ColocatedSubgraphs {
  /** Absolute path of the generated entry (`createColocatedRouterHandler({ … })`). */
  readonly entry: string;
  /** The subgraphs inside it. */
  readonly subgraphs: readonly ColocatedSubgraph[];
}
