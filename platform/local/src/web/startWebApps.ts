import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticSite, type StaticSite } from './startStaticSite.js';
import { localWebConfig } from './webConfig.js';

const DEFAULT_REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where and what the local web apps serve. */
export interface WebAppsOptions {
  /** The repository root holding web/app and web/internal; default this repository. */
  readonly repoRoot?: string;
  readonly ports: { readonly web: number; readonly internal: number };
  readonly apiUrl: string;
  /** The OIDC issuer (the dev issuer). */
  readonly authority: string;
  readonly clientId: string;
}

/** The public and the internal app, each on its port. */
export interface WebApps {
  readonly web: StaticSite;
  readonly internal: StaticSite;
  /** The apps whose export is missing, e.g. ["web/app"]. */
  readonly missing: readonly string[];
  close(): Promise<void>;
}

/** Serves web/app/out and web/internal/out with the stage's /config.json. */
export async function startWebApps(options: WebAppsOptions): Promise<WebApps> {
  const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
  const config = localWebConfig(options.apiUrl, options.authority, options.clientId);
  const web = await startStaticSite({
    name: 'web/app',
    root: join(repoRoot, 'web/app/out'),
    port: options.ports.web,
    config,
  });
  const internal = await startStaticSite({
    name: 'web/internal',
    root: join(repoRoot, 'web/internal/out'),
    port: options.ports.internal,
    config,
  }).catch(async (error: unknown) => {
    await web.close();
    throw error;
  });
  return {
    web,
    internal,
    missing: [web, internal]
      .filter((site) => !site.built)
      .map((site) => (site === web ? 'web/app' : 'web/internal')),
    close: async () => {
      await web.close();
      await internal.close();
    },
  };
}
