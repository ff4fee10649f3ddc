import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';

/** What changed: a service's sources, or the shared kit (which every service uses). */
export type SourceChange = { readonly service: string } | { readonly kit: true };

/** How to watch the sources of the local stage. */
export interface WatchSourcesOptions {
  /** `services/`: a change under `<name>/src/` reloads service `<name>`. */
  readonly servicesRoot: string;
  /** `platform/kit/src`: a change there reloads every service. */
  readonly kitRoot: string;
  readonly onChange: (changes: readonly SourceChange[]) => void;
  /** Changes closer together than this are handled as one (editors write several times). */
  readonly debounceMs?: number;
}

/** A running watcher. */
export interface SourceWatcher {
  close(): void;
}

/**
 * Watches `services/*\/src` and the kit's sources (recursive `fs.watch`) and reports each burst
 * of changes once, after `debounceMs` of quiet, as the set of services (or the kit) touched.
 */
export function watchSources(options: WatchSourcesOptions): SourceWatcher {
  const debounceMs = options.debounceMs ?? 200;
  const pending = new Map<string, SourceChange>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changes = [...pending.values()];
    pending.clear();
    if (changes.length > 0) options.onChange(changes);
  };
  const note = (key: string, change: SourceChange) => {
    pending.set(key, change);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const watchers: FSWatcher[] = [
    watch(options.servicesRoot, { recursive: true }, (_event, file) => {
      if (!file) return;
      const [service, folder] = file.toString().split(sep);
      if (service && folder === 'src') note(`service:${service}`, { service });
    }),
    watch(options.kitRoot, { recursive: true }, () => note('kit', { kit: true })),
  ];
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
