import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { contentType } from './contentType.js';
import { resolveStaticFile } from './resolveStaticFile.js';

/** How to serve one web app's static export. */
export interface StaticSiteOptions {
  /** The app's name in messages, e.g. "web/app". */
  readonly name: string;
  /** The export folder (`web/<app>/out`). */
  readonly root: string;
  /** What /config.json answers. */
  readonly config: unknown;
  readonly port: number;
  readonly host?: string;
}

/** A running static site. */
export interface StaticSite {
  readonly url: string;
  readonly port: number;
  /** False when the export was missing and the site serves the "not built" page. */
  readonly built: boolean;
  close(): Promise<void>;
}

/** The page served in place of an app whose export is missing. */
export function notBuiltPage(name: string, root: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${name} is not built</title>
<h1>${name} is not built</h1>
<p>There is no static export in <code>${root}</code>. Run <code>npm run build</code>, then reload this page.</p></html>`;
}

/**
 * Serves a Next.js static export the way the hosting construct does (clean URLs, 404.html), plus
 * the stage's /config.json. A missing export serves a page saying how to build it, so the rest
 * of the local stage still starts.
 */
export async function startStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const root = resolve(options.root);
  const built = existsSync(join(root, 'index.html'));
  const configJson = `${JSON.stringify(options.config, null, 2)}\n`;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const send = (status: number, type: string, body: string | Buffer, cache: string) => {
      response.writeHead(status, {
        'content-type': type,
        'cache-control': cache,
        'x-content-type-options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (path === '/config.json') return send(200, contentType(path), configJson, 'no-store');
    if (!built)
      return send(503, 'text/html; charset=utf-8', notBuiltPage(options.name, root), 'no-store');
    const file = resolveStaticFile(root, path);
    if (file !== undefined) {
      // Hashed assets never change; pages must pick up a rebuild at once.
      const cache = path.startsWith('/_next/static/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
      return send(200, contentType(file), readFileSync(file), cache);
    }
    const notFound = join(root, '404.html');
    send(
      404,
      'text/html; charset=utf-8',
      existsSync(notFound) ? readFileSync(notFound) : 'Not Found',
      'no-cache',
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    built,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
