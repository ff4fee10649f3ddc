import type { QueryLimits } from './QueryLimits.js';

/** The limits the router applies unless configured otherwise. */
export const DEFAULT_LIMITS: QueryLimits = {
  /**
   * Our deepest legitimate query (a product's reviews' authors' names through two connections)
   * is about 8 deep; 12 leaves room while stopping `author → reviews → author …` recursion.
   */
  maxDepth: 12,
  /** Clients alias a handful of fields at most; 30 still stops `a0: me … a999: me` batching. */
  maxAliases: 30,
  /**
   * A page of 50 products with 5 reviews each costs 1202; 5000 allows about four times that,
   * but not pages of 100 nested in pages of 100.
   */
  maxCost: 5000,
  /** Bounds parsing work before any rule runs; the IDE's introspection query is ~160 tokens. */
  maxTokens: 5000,
};
