import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError } from './AwsError.js';

/** A JSON object as a request body holds it. */
export type JsonObject = Record<string, unknown>;

/** Answers one operation: the input is the parsed body, the result becomes the response body. */
export type AwsJsonHandler = (operation: string, input: JsonObject) => Promise<object>;

/** A running AWS JSON 1.1 endpoint. */
export interface AwsJsonServer {
  /** `http://host:port`, what an SDK client takes as `endpoint`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Options of `startAwsJsonServer`. */
export interface AwsJsonServerOptions {
  /** The service prefix of `X-Amz-Target`, e.g. `AWSEvents` for EventBridge. */
  readonly targetPrefix: string;
  readonly handle: AwsJsonHandler;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Bodies above this many bytes are refused before parsing. */
  readonly maxBodyBytes?: number;
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';

/**
 * Serves an AWS JSON 1.1 protocol endpoint: POST with `X-Amz-Target: <prefix>.<Operation>`
 * and a JSON body; errors are HTTP 4xx/5xx with `{ "__type", "message" }` and the
 * `x-amzn-ErrorType` header, the two places SDK clients read an error's name from
 * (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization).
 */
export async function startAwsJsonServer(options: AwsJsonServerOptions): Promise<AwsJsonServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const server = createServer((req, res) => {
    const requestId = randomUUID();
    const send = (status: number, body: object, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, {
          'content-type': CONTENT_TYPE,
          'x-amzn-requestid': requestId,
          ...headers,
        })
        .end(JSON.stringify(body));
    const fail = (error: AwsError) =>
      send(
        error.statusCode,
        { __type: error.type, message: error.message },
        { 'x-amzn-errortype': error.type },
      );
    void (async () => {
      try {
        const body = await readBody(req, maxBodyBytes);
        const target = req.headers['x-amz-target'];
        const prefix = `${options.targetPrefix}.`;
        if (req.method !== 'POST' || typeof target !== 'string' || !target.startsWith(prefix))
          throw new AwsError(
            'UnknownOperationException',
            `Expected a POST with X-Amz-Target: ${prefix}<Operation>.`,
          );
        send(200, await options.handle(target.slice(prefix.length), parseBody(body)));
      } catch (error) {
        if (error instanceof AwsError) return fail(error);
        // A bug in a handler must not take the endpoint down; the next request is served.
        fail(new AwsError('InternalException', `Internal error: ${(error as Error).message}`, 500));
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
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit)
    throw new AwsError('SerializationException', `Request body exceeds ${limit} bytes.`, 413);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(body: string): JsonObject {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // AWS JSON services answer an unparsable body with SerializationException, not a
    // ValidationException: the request never reached the operation's input validation.
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new AwsError('SerializationException', 'The request body must be a JSON object.');
  return parsed as JsonObject;
}
