import type { Subgraph } from '@stack/kit';

/**
 * A subgraph whose implementation can be swapped while the router and listeners keep a
 * reference to it: every call goes to the current one, so a reload needs no new listener or
 * router. Requests already running finish on the implementation they started on.
 */
export class ReloadableSubgraph implements Subgraph {
  #current: Subgraph;

  constructor(initial: Subgraph) {
    this.#current = initial;
  }

  get name(): string {
    return this.#current.name;
  }

  get schema(): Subgraph['schema'] {
    return this.#current.schema;
  }

  /** Makes `next` answer every later request. */
  replace(next: Subgraph): void {
    this.#current = next;
  }

  createContext(
    ...args: Parameters<Subgraph['createContext']>
  ): ReturnType<Subgraph['createContext']> {
    return this.#current.createContext(...args);
  }

  execute(...args: Parameters<Subgraph['execute']>): ReturnType<Subgraph['execute']> {
    return this.#current.execute(...args);
  }
}
