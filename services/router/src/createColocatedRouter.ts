import type { Subgraph, SubgraphConfig } from '@stack/kit';
import type { ColocatedRouterEnvironment } from './colocatedEnvironment.js';
import { trustedDocuments } from './__generated__/trustedDocuments.js';
import { createRouter, type Router } from './createRouter.js';
import { InProcessDataSource } from './dataSources/InProcessDataSource.js';

/** Builds one subgraph on a table: what each subgraph package exports as `create<Name>Subgraph`. */
export type SubgraphFactory = (config: SubgraphConfig) => Subgraph;

/**
 * The router of the `colocated` topology: every subgraph runs inside the router's process
 * (`InProcessDataSource`), so one Lambda serves the whole API: no invoke hop, one cold start,
 * the choice for small environments such as previews. Fails at build time, naming them, when
 * the supergraph has subgraphs the bundle does not.
 */
export function createColocatedRouter(
  environment: ColocatedRouterEnvironment,
  supergraphSdl: string,
  factories: Readonly<Record<string, SubgraphFactory>>,
): Router {
  const config = { tableName: environment.TABLE_NAME };
  const subgraphs = new Map<string, Subgraph>();
  const missing = supergraphSubgraphNames(supergraphSdl).filter((name) => !factories[name]);
  if (missing.length > 0) {
    throw new Error(
      `The supergraph has subgraph${missing.length === 1 ? '' : 's'} ${missing.join(', ')} that this colocated router does not bundle (it has ${Object.keys(factories).join(', ') || 'none'})`,
    );
  }
  return createRouter({
    supergraphSdl,
    production: environment.PRODUCTION === 'true',
    maxBodyBytes: environment.MAX_BODY_BYTES,
    trustedDocuments: {
      documents: trustedDocuments,
      trustedOnly: environment.TRUSTED_DOCUMENTS_ONLY === 'true',
    },
    dataSource: (name) => {
      let subgraph = subgraphs.get(name);
      if (!subgraph) {
        const factory = factories[name];
        if (!factory) throw new Error(`no subgraph "${name}" in this colocated router`);
        subgraph = factory(config);
        subgraphs.set(name, subgraph);
      }
      return new InProcessDataSource({ subgraph, timeoutMs: environment.SUBGRAPH_TIMEOUT_MS });
    },
  });
}

// `enum join__Graph { USERS @join__graph(name: "users", url: "…") … }` of a supergraph.
const JOIN_GRAPH = /@join__graph\(\s*name:\s*"([^"]+)"/g;

function supergraphSubgraphNames(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(JOIN_GRAPH)].map((match) => match[1] ?? '');
}
