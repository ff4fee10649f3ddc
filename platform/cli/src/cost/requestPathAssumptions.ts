/** A Lambda function on the request path, as far as its cost per request goes. */
export interface FunctionAssumption {
  /** Used when the function is not in the environment's templates (service stacks come later). */
  readonly memoryMb: number;
  readonly architecture: 'arm64' | 'x86_64';
  /** Average billed duration of a warm invocation, in ms (Lambda bills per 1 ms). */
  readonly durationMs: number;
  /** Invocations per API request. */
  readonly invocationsPerRequest: number;
}

/** What one API request is assumed to do; `stack cost` prints these next to its numbers. */
export interface RequestPathAssumptions {
  readonly authorizer: FunctionAssumption;
  readonly router: FunctionAssumption;
  readonly subgraph: FunctionAssumption;
  /** The table-change publisher: the Pipe's target, per changed item (it gets batches). */
  readonly publisher: FunctionAssumption;
  /** Read request units per API request (1 RRU = one strongly consistent read ≤ 4 KB). */
  readonly dynamoDbReadUnitsPerRequest: number;
  /** Write request units per mutation (1 WRU = one write ≤ 1 KB). */
  readonly dynamoDbWriteUnitsPerMutation: number;
  /** Requests a worker queue takes per event: send, receive, delete. */
  readonly sqsRequestsPerEvent: number;
}

/**
 * The assumptions behind the per-request price. Durations are warm invocations of small
 * handlers; cold starts are rare under steady traffic and cost a few hundred ms each.
 */
export const REQUEST_PATH_ASSUMPTIONS: RequestPathAssumptions = {
  // Runs on every request (docs/decisions/0006); a warm one answers from its token cache.
  authorizer: { memoryMb: 128, architecture: 'arm64', durationMs: 5, invocationsPerRequest: 1 },
  // Billed while it waits for the subgraph too, so its duration includes the subgraph's.
  router: { memoryMb: 1024, architecture: 'arm64', durationMs: 40, invocationsPerRequest: 1 },
  // A typical query touches one subgraph (colocated topology: 0, the router runs it).
  subgraph: { memoryMb: 512, architecture: 'arm64', durationMs: 20, invocationsPerRequest: 1 },
  // The Pipe hands it up to 10 records at once; under steady writes a batch averages ~5, so
  // 0.2 invocations per change, each a few ms of JSON and one PutEvents call.
  publisher: { memoryMb: 256, architecture: 'arm64', durationMs: 30, invocationsPerRequest: 0.2 },
  // One batched read (DataLoader → BatchGetItem) of two items ≤ 4 KB, strongly consistent.
  dynamoDbReadUnitsPerRequest: 2,
  // One item ≤ 1 KB per mutation; its stream record becomes one event on the bus.
  dynamoDbWriteUnitsPerMutation: 1,
  sqsRequestsPerEvent: 3,
};
