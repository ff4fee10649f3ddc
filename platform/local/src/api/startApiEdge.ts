import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { RouterEvent } from '@stack/router';
import { flattenHeaders, readBody } from '@stack/kit';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  authorizerEvent,
  integrationEvent,
  newRequestId,
  type EdgeRequest,
} from './apiGatewayEvents.js';

/** API Gateway's payload limit for HTTP APIs. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** The functions behind the local API edge, invoked with API Gateway's real event shapes. */
export interface ApiEdgeTargets {
  readonly authorizer: (
    event: APIGatewayRequestAuthorizerEventV2,
  ) => Promise<{ isAuthorized: boolean; context?: Record<string, unknown> }>;
  readonly router: (event: RouterEvent) => Promise<APIGatewayProxyStructuredResultV2>;
}

/** A running local API edge. */
export interface ApiEdge {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The local stand-in for the HTTP API: serves `/graphql`, runs the Lambda authorizer on every
 * request (as the deployed API does: no identity source, the authorizer caches itself), and
 * answers 401 when it refuses a token, 403 when it denies, else invokes the router.
 */
export async function startApiEdge(
  targets: ApiEdgeTargets,
  options: { port?: number; host?: string } = {},
): Promise<ApiEdge> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const cors = {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
      };
      const send = (status: number, body: string, headers: Record<string, string> = {}) =>
        res
          .writeHead(status, { 'content-type': 'application/json', ...cors, ...headers })
          .end(body);
      if (req.method === 'OPTIONS') return send(204, '');
      if (url.pathname !== '/graphql') return send(404, JSON.stringify({ message: 'Not Found' }));
      const body = await readBody(req, MAX_PAYLOAD_BYTES + 1);
      if (Buffer.byteLength(body) > MAX_PAYLOAD_BYTES)
        return send(413, JSON.stringify({ message: 'Request Entity Too Large' }));
      const request: EdgeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        rawQueryString: url.search.slice(1),
        headers: flattenHeaders(req),
        body,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      };
      const requestId = newRequestId();
      let context: Record<string, unknown>;
      try {
        const decision = await targets.authorizer(authorizerEvent(request, requestId));
        if (!decision.isAuthorized) return send(403, JSON.stringify({ message: 'Forbidden' }));
        context = decision.context ?? {};
      } catch (error) {
        // API Gateway answers 401 when an HTTP API authorizer fails with "Unauthorized".
        if ((error as Error).message === 'Unauthorized')
          return send(401, JSON.stringify({ message: 'Unauthorized' }));
        return send(500, JSON.stringify({ message: 'Internal Server Error' }));
      }
      try {
        const result = await targets.router(integrationEvent(request, requestId, context));
        const headers = Object.fromEntries(
          Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        send(result.statusCode ?? 200, result.body ?? '', {
          ...headers,
          'apigw-requestid': requestId,
        });
      } catch {
        send(500, JSON.stringify({ message: 'Internal Server Error' }));
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
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
