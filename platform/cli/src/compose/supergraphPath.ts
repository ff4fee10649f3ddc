/** Where the composed supergraph is committed, relative to the repository root; the router reads it. */
export const SUPERGRAPH_PATH = 'services/router/supergraph.graphql';
