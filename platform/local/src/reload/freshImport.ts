import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import type { ModuleImporter } from '../api/loadSubgraphs.js';

let generation = 0;
// The tsx namespace each key (a service) was last loaded through.
const namespaces = new Map<string, () => Promise<void>>();

/**
 * An importer of fresh module instances for `key` (a service): each file it imports, and every
 * TypeScript file those import (the service's own files and workspace packages such as
 * `@stack/kit`), is a new instance, loaded through a tsx namespace of its own; packages from
 * node_modules are shared. The previous namespace of the same key is unregistered, so its
 * loader hooks do not pile up; its modules are freed once nothing references them.
 */
export function freshImporter(key: string): ModuleImporter {
  generation += 1;
  const scoped = register({ namespace: `stack-reload-${generation}` });
  const previous = namespaces.get(key);
  namespaces.set(key, () => scoped.unregister());
  let released = false;
  return async (file) => {
    const module = (await scoped.import(pathToFileURL(file).href, import.meta.url)) as Record<
      string,
      unknown
    >;
    if (!released && previous) {
      released = true;
      await previous();
    }
    return module;
  };
}
