/** What a subgraph's `@link` to the Federation 2 spec says: which version and which names. */
export interface FederationLink {
  /** The link's URL as written, e.g. `https://specs.apollo.dev/federation/v2.7`. */
  readonly url: string;
  /** The minor version of Federation 2 (7 for v2.7). */
  readonly minor: number;
  /** The name prefix of the spec's elements that are not imported (`federation` unless `as:`). */
  readonly prefix: string;
  /** Imported elements (`@key`, `FieldSet`) → the name the subgraph uses for them. */
  readonly imports: ReadonlyMap<string, string>;
}
