/** Counters that show whether the cache is doing its job. */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly size: number;
}

interface Entry<Value> {
  readonly value: Value;
  /** Epoch milliseconds after which the entry must not be used. */
  readonly expiresAt: number;
}

/**
 * A bounded map of verification results that expire. A Map iterates in insertion order, so
 * re-inserting on every hit keeps the least recently used entry first, ready for eviction.
 */
export class VerificationCache<Value> {
  readonly #entries = new Map<string, Entry<Value>>();
  readonly #maxEntries: number;
  #hits = 0;
  #misses = 0;

  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new Error(
        `VerificationCache needs a positive whole number of entries, got ${maxEntries}`,
      );
    }
    this.#maxEntries = maxEntries;
  }

  /** Returns the value stored under `key` if it has not expired at `now` (epoch ms). */
  get(key: string, now: number): Value | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined) this.#entries.delete(key);
    if (entry === undefined || entry.expiresAt <= now) {
      this.#misses += 1;
      return undefined;
    }
    this.#entries.set(key, entry);
    this.#hits += 1;
    return entry.value;
  }

  /** Stores `value` until `expiresAt` (epoch ms), evicting the least recently used entry when full. */
  set(key: string, value: Value, expiresAt: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** Hit and miss counts since creation, and the current number of entries. */
  stats(): CacheStats {
    return { hits: this.#hits, misses: this.#misses, size: this.#entries.size };
  }
}
