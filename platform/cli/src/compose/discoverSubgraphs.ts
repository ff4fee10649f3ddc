import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Subgraph } from './Subgraph.js';

/** Finds every `services/<name>/schema.graphql` under the repo root, sorted by name. */
export function discoverSubgraphs(repoRoot: string): Subgraph[] {
  const servicesDir = join(repoRoot, 'services');
  if (!existsSync(servicesDir)) {
    throw new Error(
      `no services/ folder in ${repoRoot}: run stack compose inside the repository or pass --root <dir>`,
    );
  }
  // Sorted so the supergraph and its header do not depend on the file system's listing order.
  const names = readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(servicesDir, name, 'schema.graphql')))
    .sort();
  if (names.length === 0) {
    throw new Error(
      `no subgraph schema in ${servicesDir}: add services/<name>/schema.graphql (Federation 2 SDL) for at least one service`,
    );
  }
  return names.map((name) => ({
    name,
    schemaPath: `services/${name}/schema.graphql`,
    sdl: readFileSync(join(servicesDir, name, 'schema.graphql'), 'utf8'),
  }));
}
