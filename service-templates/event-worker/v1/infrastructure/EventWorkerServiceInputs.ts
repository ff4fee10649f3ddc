/** An EventBridge pattern on the environment's bus whose events go to the worker's queue. */
export interface WorkerEventPattern {
  /** Event sources, `stack.<service>`. */
  readonly source: readonly string[];
  /** Detail types, `<Entity><Change>`; absent = every event of the sources. */
  readonly detailType?: readonly string[];
}

/** How the worker's queue feeds the function. */
export interface WorkerQueueInputs {
  /** Most messages per invocation, 1–10. */
  readonly batchSize: number;
  /** Seconds Lambda may wait to fill a batch, 0–300. */
  readonly maxBatchingWindowSeconds: number;
  /** Deliveries of one message before it moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Most concurrent invocations the queue drives; absent = no limit but Lambda's. */
  readonly maxConcurrency?: number;
}

/**
 * The inputs of one instance (schema/schema.yaml, `EventWorkerServiceInput`), validated by the
 * pipeline with the schema's defaults applied.
 */
export interface EventWorkerServiceInputs {
  /** The owning team, `team-<name>`. */
  readonly owner: string;
  /** Memory in MB, 128–10240. */
  readonly memorySize: number;
  /** Seconds one batch may run, 1–900. */
  readonly timeout: number;
  /** Concurrency reserved for and capped at the function; absent = unreserved. */
  readonly reservedConcurrency?: number;
  /** Extra environment variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Event patterns whose events go to the queue; empty = direct sends only. */
  readonly events: readonly WorkerEventPattern[];
  /** How the queue feeds the function. */
  readonly queue: WorkerQueueInputs;
  /** Services whose items it may read by key (GetItem, BatchGetItem, ConditionCheckItem); absent = none. */
  readonly readsFrom?: readonly string[];
  /** Adds the function-errors alarm; the queue alarms are always on (when the environment's alarms are). */
  readonly alarms: boolean;
}
