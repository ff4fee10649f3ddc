import { fileURLToPath } from 'node:url';
import type { ModuleImporter } from '../api/loadSubgraphs.js';
import type { LocalApi } from '../api/startLocalApi.js';
import type { LocalFunction } from '../cloudformation/localFunctions.js';
import { freshImporter } from './freshImport.js';
import { watchSources, type SourceWatcher } from './watchSources.js';

/** The kit's sources, resolved from this file. */
const KIT_SOURCES = fileURLToPath(new URL('../../../kit/src/', import.meta.url));

/** What a reload touches. */
export interface WatchForReloadOptions {
  readonly servicesRoot: string;
  readonly functions: readonly LocalFunction[];
  readonly api: LocalApi;
  /** Drops a function's loaded handler; the next invocation imports it through `importer`. */
  readonly forget: (fn: LocalFunction, importer: ModuleImporter) => void;
  /** `reloaded <service>`, or `reload of <service> failed: …`. */
  readonly onReload: (message: string) => void;
}

/**
 * Reloads handlers when sources change: a change under `services/<name>/src` rebuilds that
 * service's subgraph (the API swaps it in) and makes its functions import fresh modules at
 * their next invocation; a change in `platform/kit/src` does so for every service. A reload
 * that fails (a syntax error mid-edit) keeps the previous version running and says why.
 */
export function watchForReload(options: WatchForReloadOptions): SourceWatcher {
  const services = () =>
    new Set([
      ...options.api.subgraphs.keys(),
      ...options.functions.flatMap((fn) => (fn.service ? [fn.service] : [])),
    ]);
  let queue = Promise.resolve();
  return watchSources({
    servicesRoot: options.servicesRoot,
    kitRoot: KIT_SOURCES,
    onChange: (changes) => {
      const names = changes.some((change) => 'kit' in change)
        ? [...services()]
        : changes.flatMap((change) => ('service' in change ? [change.service] : []));
      // One reload at a time, in order of the changes.
      queue = queue.then(async () => {
        for (const name of names.filter((each) => services().has(each))) {
          try {
            const importer = freshImporter(name);
            await options.api.reloadSubgraph(name, importer);
            for (const fn of options.functions.filter((each) => each.service === name))
              options.forget(fn, importer);
            options.onReload(`reloaded ${name}`);
          } catch (error) {
            options.onReload(
              `reload of ${name} failed, the previous version keeps running: ${(error as Error).message}`,
            );
          }
        }
      });
    },
  });
}
