import { createAuthorizer } from '@stack/authorizer';
import { listenHttp, type HttpListener, type Subgraph } from '@stack/kit';
import {
  createRouter,
  createRouterHandler,
  HttpDataSource,
  InProcessDataSource,
  supergraphSdl,
  type Router,
} from '@stack/router';
import { randomBytes } from 'node:crypto';
import { loadSubgraph, loadSubgraphs, type ModuleImporter } from './loadSubgraphs.js';
import { ReloadableSubgraph } from '../reload/ReloadableSubgraph.js';
import { startApiEdge, type ApiEdge } from './startApiEdge.js';

/** How the router reaches subgraphs locally: over HTTP, or inside its own process. */
export type LocalTopology = 'http' | 'colocated';

/** How to start the local API. */
export interface LocalApiOptions {
  readonly tableName: string;
  readonly topology: LocalTopology;
  /** The token issuer the authorizer trusts (the dev issuer, or a test one). */
  readonly auth: {
    readonly issuer: string;
    readonly jwksUri: string;
    readonly clientIds: readonly string[];
  };
  readonly port?: number;
  readonly host?: string;
  readonly production?: boolean;
  readonly subgraphTimeoutMs?: number;
  /** Where the subgraph services are; default the repository's `services/`. */
  readonly servicesRoot?: string;
}

/** The running local API and its parts (tests stop single subgraphs to see partial results). */
export interface LocalApi {
  readonly url: string;
  readonly edge: ApiEdge;
  readonly router: Router;
  readonly subgraphs: ReadonlyMap<string, Subgraph>;
  /** The HTTP listeners of the subgraphs (http topology only). */
  readonly listeners: ReadonlyMap<string, HttpListener>;
  /** Rebuilds a subgraph from its sources (fresh modules via `importModule`); false if unknown. */
  reloadSubgraph(name: string, importModule: ModuleImporter): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Starts the API of the local stage: the subgraphs (HTTP listeners or in-process), the router
 * over the committed supergraph, and the API edge that runs the real authorizer code.
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const secret = randomBytes(32).toString('base64url');
  const timeoutMs = options.subgraphTimeoutMs ?? 5_000;
  // Wrapped so a reload swaps the implementation under the listeners and the router.
  const subgraphs = new Map<string, ReloadableSubgraph>(
    [...(await loadSubgraphs(options.tableName, options.servicesRoot))].map(([name, subgraph]) => [
      name,
      new ReloadableSubgraph(subgraph),
    ]),
  );
  const listeners = new Map<string, HttpListener>();
  if (options.topology === 'http') {
    for (const [name, subgraph] of subgraphs)
      listeners.set(name, await listenHttp(subgraph, { routerSecret: secret }));
  }
  const router = createRouter({
    supergraphSdl,
    production: options.production ?? false,
    dataSource: (name) => {
      const subgraph = subgraphs.get(name);
      const listener = listeners.get(name);
      if (!subgraph)
        throw new Error(`The supergraph names subgraph "${name}", which this repo does not have.`);
      return options.topology === 'colocated' || !listener
        ? new InProcessDataSource({ subgraph, timeoutMs })
        : new HttpDataSource({ name, url: listener.url, secret, timeoutMs });
    },
  });
  const authorizer = createAuthorizer(options.auth, { log: () => undefined });
  const edge = await startApiEdge(
    { authorizer, router: createRouterHandler(router) },
    {
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.host ? { host: options.host } : {}),
    },
  );
  return {
    url: edge.url,
    edge,
    router,
    subgraphs,
    listeners,
    async reloadSubgraph(name, importModule) {
      const subgraph = subgraphs.get(name);
      if (!subgraph) return false;
      subgraph.replace(
        await loadSubgraph(name, options.tableName, options.servicesRoot, importModule),
      );
      return true;
    },
    async close() {
      await edge.close();
      await router.stop();
      await Promise.all([...listeners.values()].map((listener) => listener.close()));
    },
  };
}
