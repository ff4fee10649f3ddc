import type { GatewayHTTPRequest } from '@apollo/server-gateway-interface';

type FetcherHeaders = GatewayHTTPRequest['headers'];

/** A header map as the gateway reads and writes headers (the Fetch API's Headers shape). */
export class FetcherHeadersOfMap implements FetcherHeaders {
  constructor(private readonly map: Map<string, string>) {}

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.map.get(key);
    this.map.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }

  entries(): Iterator<[string, string]> {
    return this.map.entries();
  }

  keys(): Iterator<string> {
    return this.map.keys();
  }

  values(): Iterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.map.entries();
  }
}
