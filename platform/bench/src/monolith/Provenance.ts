/**
 * Which service produced an object. In a monolith, an object that a service's resolver returned
 * is that service's own record; any other object of an entity type is, for that service, only a
 * reference it must resolve first (what `_entities` does in a federated subgraph).
 */
export class Provenance {
  private readonly produced = new Map<string, WeakSet<object>>();

  /** True when `service` produced `value`. */
  has(service: string, value: unknown): boolean {
    return isObject(value) && (this.produced.get(service)?.has(value) ?? false);
  }

  /** Marks `value` (or every object in a list, at any depth) as produced by `service`. */
  mark<T>(service: string, value: T): T {
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) this.mark(service, item);
    } else if (isObject(value)) {
      let set = this.produced.get(service);
      if (!set) this.produced.set(service, (set = new WeakSet()));
      set.add(value);
    }
    return value;
  }
}

/** True for non-null objects (the only values a WeakSet can hold). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
