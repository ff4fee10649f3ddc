import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's services folder, resolved from this file. */
const SERVICES_ROOT = fileURLToPath(new URL('../../../../services/', import.meta.url));

/** What the repository's `services/` holds, for tests that must hold after `stack new service`. */
export interface RepositoryServices {
  /** Every service with a `service.yaml`, sorted. */
  readonly specs: string[];
  /** Services of template graphql-subgraph: the router's subgraphs. */
  readonly subgraphs: string[];
  /** Services of template event-worker: queue workers. */
  readonly workers: string[];
  /** Services that get a stack of their own (every spec but the router instance). */
  readonly stacks: string[];
  /** Folders with a Lambda entry `src/handler.ts` (what `stack build` bundles). */
  readonly handlers: string[];
}

/**
 * Reads `services/` as it is now. Tests compare against it instead of a list of names, so a
 * team's new service (`stack new service inventory`) does not break the platform's tests.
 */
export function repositoryServices(root: string = SERVICES_ROOT): RepositoryServices {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const templateOf = (name: string) => {
    const file = join(root, name, 'service.yaml');
    if (!existsSync(file)) return undefined;
    return /^template:\s*['"]?([a-z][a-z0-9-]*)@/m.exec(readFileSync(file, 'utf8'))?.[1];
  };
  const specs = folders.filter((name) => templateOf(name) !== undefined);
  return {
    specs,
    subgraphs: specs.filter((name) => templateOf(name) === 'graphql-subgraph'),
    workers: specs.filter((name) => templateOf(name) === 'event-worker'),
    stacks: specs.filter((name) => templateOf(name) !== 'graphql-router'),
    handlers: folders.filter((name) => existsSync(join(root, name, 'src', 'handler.ts'))),
  };
}
