import { request } from 'node:http';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import { SimpleFetcher, type Fetcher } from 'aws-jwt-verify/https';

const MAX_JWKS_BYTES = 512 * 1024;

/** GETs a document over plain HTTP, failing the way aws-jwt-verify's own fetcher does. */
function fetchOverHttp(uri: string, timeoutMs: number): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    // No keep-alive agent: the JWKS is fetched rarely, and pooled sockets would outlive the issuer.
    const req = request(uri, { method: 'GET', agent: false, timeout: timeoutMs }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(
          new NonRetryableFetchError(uri, `Status code is ${response.statusCode}, expected 200`),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_JWKS_BYTES) {
          req.destroy(new Error(`Response larger than ${MAX_JWKS_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
      });
      response.on('error', (error) => reject(new FetchError(uri, error.message)));
    });
    req.on('timeout', () => req.destroy(new Error(`Response time-out (after ${timeoutMs} ms.)`)));
    req.on('error', (error) => reject(new FetchError(uri, error.message)));
    req.end();
  });
}

/**
 * The JWKS fetcher for aws-jwt-verify. HTTPS goes through the library's own fetcher; plain HTTP,
 * which that fetcher refuses, is served here so the local cloud's issuer on 127.0.0.1 works too
 * (readEnvironment allows http only for loopback addresses).
 */
export function createJwksFetcher(options: { timeoutMs?: number } = {}): Fetcher {
  const https = new SimpleFetcher();
  const timeoutMs = options.timeoutMs ?? 3000;
  return {
    fetch: (uri, requestOptions, data) =>
      new URL(uri).protocol === 'http:'
        ? fetchOverHttp(uri, timeoutMs)
        : https.fetch(uri, requestOptions, data),
  };
}
