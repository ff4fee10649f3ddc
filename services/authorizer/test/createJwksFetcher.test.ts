import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJwksFetcher } from '../src/createJwksFetcher.js';

describe('Function: createJwksFetcher', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/jwks.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"keys":[]}');
      } else if (request.url === '/huge.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(Buffer.alloc(600 * 1024, 0x20));
      } else if (request.url === '/slow.json') {
        setTimeout(() => response.end('{}'), 500).unref();
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches a document over plain HTTP, which the library fetcher refuses', async () => {
    const body = await createJwksFetcher().fetch(`${origin}/jwks.json`);

    expect(Buffer.from(body).toString('utf8')).toBe('{"keys":[]}');
  });

  it('fails without retry on a status other than 200', async () => {
    await expect(createJwksFetcher().fetch(`${origin}/missing.json`)).rejects.toThrow(
      NonRetryableFetchError,
    );
  });

  it('gives up on a response larger than any JWKS', async () => {
    await expect(createJwksFetcher().fetch(`${origin}/huge.json`)).rejects.toThrow(FetchError);
  });

  it('gives up on a response slower than its time-out', async () => {
    const fetcher = createJwksFetcher({ timeoutMs: 100 });

    await expect(fetcher.fetch(`${origin}/slow.json`)).rejects.toThrow('Response time-out');
  });
});
