import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BaseContext, Subgraph } from './createSubgraph.js';
import { handleHttpRequest, MAX_SUBGRAPH_BODY_BYTES } from './handleHttpRequest.js';

/** A running HTTP listener of a subgraph. */
export interface HttpListener {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves a subgraph over HTTP at `POST /graphql` (the local and test topology; in the cloud
 * the router invokes the Lambda directly). Port 0 picks a free port.
 */
export async function listenHttp<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  options: { port?: number; host?: string; routerSecret: string },
): Promise<HttpListener> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req, MAX_SUBGRAPH_BODY_BYTES + 1);
        const response = await handleHttpRequest(
          subgraph,
          { method: req.method ?? 'GET', headers: flattenHeaders(req), body },
          options.routerSecret,
        );
        res.writeHead(response.statusCode, response.headers).end(response.body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            errors: [{ message: `Subgraph ${subgraph.name} failed: ${(error as Error).message}` }],
          }),
        );
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Reads a request body, keeping at most `limit` bytes (enough to tell that it is too large).
 * The rest is drained rather than left unread, so the connection can still carry the answer.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    if (kept < limit) {
      const part = buffer.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Node's headers as a flat, lower-cased record (multi-valued headers joined by commas). */
export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
