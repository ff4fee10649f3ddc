import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A function the fake Lambda endpoint can invoke: the real handler of a subgraph. */
export type InvokableHandler = (event: unknown) => Promise<unknown>;

/**
 * A loopback server speaking the Lambda Invoke API (`POST /2015-03-31/functions/<name>/invocations`)
 * so the real `LambdaClient` can be pointed at it with an endpoint setting. A handler that throws
 * answers like Lambda does: 200 with `X-Amz-Function-Error: Unhandled` and the error as payload.
 */
export async function startLocalLambdaEndpoint(
  functions: Record<string, InvokableHandler>,
  options: { delayMs?: number } = {},
) {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
      const handler = match?.[1] ? functions[decodeURIComponent(match[1])] : undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (!handler) {
        res.writeHead(404, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'ResourceNotFoundException',
        });
        res.end(
          JSON.stringify({
            Type: 'User',
            message: `Function not found: ${match?.[1] ?? req.url ?? ''}`,
          }),
        );
        return;
      }
      if (options.delayMs)
        await new Promise((resolve) => setTimeout(resolve, options.delayMs).unref());
      try {
        const result = await handler(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-amz-function-error': 'Unhandled',
        });
        res.end(
          JSON.stringify({
            errorType: (error as Error).name,
            errorMessage: (error as Error).message,
          }),
        );
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
