/** An EventBridge pattern on the environment's bus that invokes the function. */
export interface SubgraphSubscription {
  /** Event sources, `stack.<service>`. */
  readonly source: readonly string[];
  /** Detail types, `<Entity><Change>`; absent = every event of the sources. */
  readonly detailType?: readonly string[];
}

/**
 * The inputs of one instance (schema/schema.yaml, `SubgraphServiceInput`), validated by the
 * pipeline with the schema's defaults applied.
 */
export interface SubgraphServiceInputs {
  /** The owning team, `team-<name>`. */
  readonly owner: string;
  /** Memory in MB, 128–10240. */
  readonly memorySize: number;
  /** Seconds, 1–30. */
  readonly timeout: number;
  /** Concurrency reserved for and capped at the function; absent = unreserved. */
  readonly reservedConcurrency?: number;
  /** Warm execution environments on the `live` alias; 0 = none. */
  readonly provisionedConcurrency: number;
  /** Extra environment variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Event patterns that invoke the function. */
  readonly subscriptions: readonly SubgraphSubscription[];
  /** Services whose items it may read by key. */
  readonly readsFrom: readonly string[];
  /** Event-worker services it sends messages to (their queues); absent = none. */
  readonly sendsTo?: readonly string[];
  /** Registers push devices: gets the environment's push platform applications; absent = false. */
  readonly push?: boolean;
  /**
   * Alarms of its own (errors, throttles) on the environment's topic, when the environment's
   * alarms are on. Off by default: the environment's account-wide Lambda alarms cover every
   * service for free, and each alarm past an account's tenth costs $0.10/month.
   */
  readonly alarms: boolean;
}
