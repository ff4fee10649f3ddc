import { subgraphFactoryName, type Subgraph, type SubgraphConfig } from '@stack/kit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository's services folder, resolved from this file. */
const SERVICES_ROOT = new URL('../../../../services/', import.meta.url);

// The `template:` line of a ServiceSpec, e.g. `template: graphql-subgraph@1`.
const SUBGRAPH_TEMPLATE = /^template:\s*['"]?graphql-subgraph@\d+['"]?\s*(#.*)?$/m;

/** The subgraph services of the repository: every `services/<name>/service.yaml` of graphql-subgraph. */
export function subgraphServiceNames(servicesRoot: string = SERVICES_ROOT.pathname): string[] {
  return readdirSync(servicesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => {
      const spec = join(servicesRoot, name, 'service.yaml');
      return existsSync(spec) && SUBGRAPH_TEMPLATE.test(readFileSync(spec, 'utf8'));
    })
    .sort();
}

/**
 * Builds every subgraph service of the repository on one table, found from the specs, not a
 * list in code: a service created with `stack new service` is part of the local API at the next
 * start. Each is loaded from its `src/subgraph.ts` by its `create<Name>Subgraph` export.
 */
export async function loadSubgraphs(
  tableName: string,
  servicesRoot: string = SERVICES_ROOT.pathname,
  importModule: ModuleImporter = nativeImport,
): Promise<Map<string, Subgraph>> {
  const subgraphs = new Map<string, Subgraph>();
  for (const name of subgraphServiceNames(servicesRoot)) {
    subgraphs.set(name, await loadSubgraph(name, tableName, servicesRoot, importModule));
  }
  return subgraphs;
}

/** Imports a module by file path (native `import()`, or a fresh instance on reload). */
export type ModuleImporter = (file: string) => Promise<Record<string, unknown>>;

const nativeImport: ModuleImporter = async (file) =>
  (await import(pathToFileURL(file).href)) as Record<string, unknown>;

/** Builds one subgraph service from its `src/subgraph.ts` (`create<Name>Subgraph(config)`). */
export async function loadSubgraph(
  name: string,
  tableName: string,
  servicesRoot: string = SERVICES_ROOT.pathname,
  importModule: ModuleImporter = nativeImport,
): Promise<Subgraph> {
  const config: SubgraphConfig = { tableName };
  const file = join(servicesRoot, name, 'src', 'subgraph.ts');
  const module = await importModule(file);
  const factory = module[subgraphFactoryName(name)];
  if (typeof factory !== 'function') {
    throw new Error(
      `${file} does not export ${subgraphFactoryName(name)}(config), the function the local cloud builds the ${name} subgraph with`,
    );
  }
  return (factory as (config: SubgraphConfig) => Subgraph)(config);
}
