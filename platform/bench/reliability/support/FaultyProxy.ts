import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of one subgraph that a test can slow down or kill: it forwards
 * requests to `target`, optionally after a delay, and `kill()` stops listening (so callers get
 * "connection refused", as from a crashed process) until `revive()` listens on the same port
 * again. The router under test keeps one URL for the subgraph throughout.
 */
export class FaultyProxy {
  #delayMs = 0;
  #server: Server;
  readonly #target: string;
  readonly #port: number;

  private constructor(server: Server, target: string, port: number) {
    this.#server = server;
    this.#target = target;
    this.#port = port;
  }

  /** Starts a proxy on a free loopback port that forwards to `target` (an absolute URL). */
  static async start(target: string): Promise<FaultyProxy> {
    const server = await FaultyProxy.#listen(0, (request, response) =>
      proxy.#forward(request, response),
    );
    const proxy = new FaultyProxy(server, target, (server.address() as AddressInfo).port);
    return proxy;
  }

  /** The URL callers use instead of the target's. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}${new URL(this.#target).pathname}`;
  }

  /** Holds every request for `ms` before forwarding it; 0 forwards at once. */
  delay(ms: number): void {
    this.#delayMs = ms;
  }

  /** Stops listening and drops open connections, as a crashed subgraph does. */
  async kill(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.closeAllConnections();
      this.#server.close(() => resolve());
    });
  }

  /** Listens again on the same port, forwarding without delay. */
  async revive(): Promise<void> {
    this.#delayMs = 0;
    this.#server = await FaultyProxy.#listen(this.#port, (request, response) =>
      this.#forward(request, response),
    );
  }

  async close(): Promise<void> {
    if (this.#server.listening) await this.kill();
  }

  static #listen(
    port: number,
    handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  ): Promise<Server> {
    const server = createServer((request, response) => {
      handle(request, response).catch(() => response.destroy());
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  }

  async #forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (this.#delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#delayMs));
    // The caller may have given up meanwhile (its timeout is what the test exercises).
    if (response.destroyed) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name))
        headers[name] = value;
    }
    const answer = await fetch(this.#target, {
      method: request.method ?? 'POST',
      headers,
      body: Buffer.concat(chunks),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    response
      .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' })
      .end(body);
  }
}
