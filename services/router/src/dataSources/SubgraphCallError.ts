/** A subgraph could not answer (down, timed out, invalid reply); the message names it. */
export class SubgraphCallError extends Error {
  constructor(
    readonly subgraph: string,
    reason: string,
  ) {
    super(`Subgraph "${subgraph}" failed: ${reason}`);
    this.name = 'SubgraphCallError';
  }
}

/** Describes a caught error in a few words (timeouts say how long was waited). */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause =
    error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
