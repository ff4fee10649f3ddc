import { readBody } from '@stack/kit';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LambdaHandler } from '../cloudformation/loadHandler.js';

/** Lambda's limit for a synchronous invocation's payload. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

// `POST /2015-03-31/functions/<name or ARN>/invocations`, the Invoke operation's REST path.
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/** A running local Lambda Invoke endpoint. */
export interface LambdaApi {
  /** `http://127.0.0.1:<port>`, what `AWS_ENDPOINT_URL_LAMBDA` is set to. */
  readonly url: string;
  close(): Promise<void>;
}

/** Options of `startLambdaApi`. */
export interface LambdaApiOptions {
  /** The handler of a function by its name or ARN; undefined for a function the stage lacks. */
  readonly resolve: (functionName: string) => Promise<LambdaHandler> | undefined;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
}

/**
 * The Lambda Invoke operation over the stage's functions, so code that invokes a function with
 * the SDK (the router calling subgraphs in the `distributed` topology) runs unchanged locally:
 * `RequestResponse` answers the handler's result as the payload, a thrown error as a payload
 * with `X-Amz-Function-Error: Unhandled` (HTTP 200, as Lambda does), `Event` answers 202 and
 * runs the handler after.
 */
export async function startLambdaApi(options: LambdaApiOptions): Promise<LambdaApi> {
  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: string, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
      const refuse = (status: number, type: string, message: string) =>
        send(status, JSON.stringify({ Type: 'User', message }), { 'x-amzn-errortype': type });
      const name = INVOKE_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname)?.[1];
      if (req.method !== 'POST' || name === undefined)
        return refuse(404, 'UnknownOperationException', `${req.method} ${req.url} is not Invoke`);
      const functionName = decodeURIComponent(name);
      const payload = await readBody(req, MAX_PAYLOAD_BYTES + 1);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
        return refuse(413, 'RequestTooLargeException', 'Request must be smaller than 6 MB');
      let event: unknown;
      try {
        event = payload.trim() === '' ? {} : JSON.parse(payload);
      } catch {
        return refuse(400, 'InvalidRequestContentException', 'Could not parse request body');
      }
      const loading = options.resolve(functionName);
      if (!loading)
        return refuse(
          404,
          'ResourceNotFoundException',
          `Function not found: ${functionName} (not a function of the local stage)`,
        );
      const invocationType = req.headers['x-amz-invocation-type'] ?? 'RequestResponse';
      const executed = { 'x-amz-executed-version': '$LATEST' };
      if (invocationType === 'DryRun') return send(204, '', executed);
      const run = async () => (await loading)(event);
      if (invocationType === 'Event') {
        // Lambda queues the event and answers at once; a failure is the function's to report.
        send(202, '', executed);
        return run().catch(() => undefined);
      }
      try {
        send(200, JSON.stringify((await run()) ?? null), executed);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        send(200, JSON.stringify({ errorType: failure.name, errorMessage: failure.message }), {
          ...executed,
          'x-amz-function-error': 'Unhandled',
        });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
