/**
 * The export every subgraph package's `src/subgraph.ts` builds its subgraph with:
 * `create<Name>Subgraph`, the name in PascalCase (`inventory-items` →
 * `createInventoryItemsSubgraph`). The service skeleton writes it; the colocated router entry
 * and the local cloud find subgraphs by it.
 */
export function subgraphFactoryName(service: string): string {
  const pascal = service
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return `create${pascal}Subgraph`;
}
