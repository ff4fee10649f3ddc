import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What a POST answered: the status and the whole body as text. */
export interface PostedResponse {
  readonly status: number;
  readonly text: string;
}

/** The keep-alive connections of one caller, one pool per scheme. */
export interface ConnectionPool {
  readonly http: HttpAgent;
  readonly https: HttpsAgent;
}

/**
 * Keep-alive pools: a subgraph hop reuses an open connection rather than paying a TCP
 * handshake, which on loopback is most of what a hop costs. Idle sockets do not keep the
 * process alive (Node unrefs them), so nothing needs closing.
 */
export function connectionPool(): ConnectionPool {
  return { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
}

/** An error named as `AbortSignal.timeout` names its own, so callers tell timeouts apart. */
class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * POSTs a body with node:http(s) and reads the answer, failing with a `TimeoutError` when the
 * whole exchange (connect, send, answer) takes longer than `timeoutMs`. Leaner than `fetch`
 * for one hop between two of our own processes: no streams, no abort signal per request.
 *
 * A kept-alive connection that the server closed while it sat idle fails at its next use with
 * ECONNRESET before any answer; that one case is sent again, once, on a new connection, since
 * the server never read the request.
 */
export function postJson(
  url: URL,
  body: string,
  options: {
    readonly headers: Readonly<Record<string, string>>;
    readonly timeoutMs: number;
    readonly pool: ConnectionPool;
  },
): Promise<PostedResponse> {
  const secure = url.protocol === 'https:';
  const settings = {
    method: 'POST',
    agent: secure ? options.pool.https : options.pool.http,
    headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
  };
  return new Promise((resolve, reject) => {
    let current: ClientRequest | undefined;
    // Settles first, so the timeout is what the caller sees even when the answer had begun.
    const timer = setTimeout(() => {
      const timeout = new TimeoutError(`no answer within ${options.timeoutMs} ms`);
      reject(timeout);
      current?.destroy(timeout);
    }, options.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const send = (mayRetry: boolean) => {
      let answered = false;
      const onResponse = (response: IncomingMessage) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      };
      const request = secure
        ? httpsRequest(url, settings, onResponse)
        : httpRequest(url, settings, onResponse);
      current = request;
      request.on('error', (error: NodeJS.ErrnoException) => {
        const staleConnection = request.reusedSocket && !answered && error.code === 'ECONNRESET';
        if (mayRetry && staleConnection) send(false);
        else fail(error);
      });
      request.end(body);
    };
    send(true);
  });
}
