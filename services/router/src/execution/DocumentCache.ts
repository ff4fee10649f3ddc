/**
 * A least-recently-used map from a query's text to what preparing it produced, bounded by the
 * total length of the texts it holds (a parsed document's size follows its text's), so a client
 * sending ever-new documents cannot grow the router's memory.
 */
export class DocumentCache<TPrepared> {
  private readonly entries = new Map<string, TPrepared>();
  private totalChars = 0;

  constructor(private readonly maxChars: number) {}

  get(query: string): TPrepared | undefined {
    const prepared = this.entries.get(query);
    if (prepared !== undefined) {
      // Re-inserting moves the entry to the end: Map iteration order is the LRU order.
      this.entries.delete(query);
      this.entries.set(query, prepared);
    }
    return prepared;
  }

  set(query: string, prepared: TPrepared): void {
    if (query.length > this.maxChars) return;
    if (this.entries.delete(query)) this.totalChars -= query.length;
    this.entries.set(query, prepared);
    this.totalChars += query.length;
    for (const oldest of this.entries.keys()) {
      if (this.totalChars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.totalChars -= oldest.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
