import { Kind } from 'graphql';
import type { OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { FragmentLookup } from './FragmentLookup.js';

/**
 * Counts the aliased fields an operation executes, through fragments. A fragment's aliases count
 * once per spread, because each spread executes them again.
 */
export function operationAliasCount(
  operation: OperationDefinitionNode,
  getFragment: FragmentLookup,
): number {
  // A fragment's count does not depend on where it is spread; measuring it once keeps documents
  // that spread fragments into fragments from costing exponential time here.
  const fragmentCounts = new Map<string, number>();
  // Cuts fragment cycles (reported by graphql's NoFragmentCyclesRule) instead of looping.
  const inProgress = new Set<string>();

  const fragmentCount = (name: string): number => {
    const known = fragmentCounts.get(name);
    if (known !== undefined) return known;
    const fragment = getFragment(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const count = selectionSetCount(fragment.selectionSet);
    inProgress.delete(name);
    fragmentCounts.set(name, count);
    return count;
  };

  const selectionSetCount = (selectionSet: SelectionSetNode): number => {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias !== undefined) count += 1;
        if (selection.selectionSet) count += selectionSetCount(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += selectionSetCount(selection.selectionSet);
      } else {
        count += fragmentCount(selection.name.value);
      }
    }
    return count;
  };

  return selectionSetCount(operation.selectionSet);
}
