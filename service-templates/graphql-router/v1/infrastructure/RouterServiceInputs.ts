/**
 * The inputs of the router instance (schema/schema.yaml, `RouterServiceInput`), validated by the
 * pipeline with the schema's defaults applied.
 */
export interface RouterServiceInputs {
  /** The owning team, `team-<name>`. */
  readonly owner: string;
  /** Memory in MB, 512–10240. */
  readonly memorySize: number;
  /** Seconds, 1–29. */
  readonly timeout: number;
  /** Milliseconds per subgraph call, shorter than `timeout`. */
  readonly subgraphTimeoutMs: number;
  /** Largest request body in bytes. */
  readonly maxBodyBytes: number;
  /** Concurrency reserved for and capped at the router; absent = unreserved. */
  readonly reservedConcurrency?: number;
}
