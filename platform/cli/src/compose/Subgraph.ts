/** One subgraph of the supergraph, as found in `services/<name>/schema.graphql`. */
export interface Subgraph {
  /** The service folder's name; it is also the subgraph's name in the supergraph. */
  name: string;
  /** The schema file, relative to the repository root and with `/` separators, for messages. */
  schemaPath: string;
  /** The schema file's content. */
  sdl: string;
}
