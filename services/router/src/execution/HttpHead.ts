/**
 * The status and headers an error or a result asks its HTTP response to carry (Apollo Server's
 * `extensions.http` convention, which subgraph errors may use too). Header names lower-case.
 */
export interface HttpHead {
  status?: number;
  readonly headers: Map<string, string>;
}

/** A head with no status (200 unless something sets one) and no headers. */
export function newHttpHead(status?: number, headers?: Iterable<[string, string]>): HttpHead {
  return { status, headers: new Map(headers) };
}

/** Copies `source`'s status (when set) and headers onto `target`. */
export function mergeHttpHead(target: HttpHead, source: Partial<HttpHead>): void {
  if (source.status) target.status = source.status;
  if (source.headers) for (const [name, value] of source.headers) target.headers.set(name, value);
}

/** Whether an `extensions.http` value is a head to apply (and strip from what clients see). */
export function isHttpHead(value: unknown): value is Partial<HttpHead> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { status?: unknown; headers?: unknown };
  return (
    (!('status' in candidate) || typeof candidate.status === 'number') &&
    (!('headers' in candidate) || candidate.headers instanceof Map)
  );
}
