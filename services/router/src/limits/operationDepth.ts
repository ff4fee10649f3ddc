import { Kind } from 'graphql';
import type { OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { FragmentLookup } from './FragmentLookup.js';
import { isMetaField } from './isMetaField.js';

/**
 * Measures the depth of an operation's selection set (`{ a }` is 1, `{ a { b } }` is 2), through
 * fragment spreads and inline fragments, leaving out meta-fields and what is below them.
 */
export function operationDepth(
  operation: OperationDefinitionNode,
  getFragment: FragmentLookup,
): number {
  // A fragment's depth does not depend on where it is spread, so each one is measured once;
  // without this a chain of fragments each spread twice would take exponential time.
  const fragmentDepths = new Map<string, number>();
  // Fragments being measured on the current path: a spread of one of them is a cycle, which
  // graphql's NoFragmentCyclesRule reports, so it is cut here instead of looping forever.
  const inProgress = new Set<string>();

  const fragmentDepth = (name: string): number => {
    const known = fragmentDepths.get(name);
    if (known !== undefined) return known;
    const fragment = getFragment(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const depth = selectionSetDepth(fragment.selectionSet);
    inProgress.delete(name);
    fragmentDepths.set(name, depth);
    return depth;
  };

  const selectionSetDepth = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (isMetaField(selection)) continue;
        depth = 1 + (selection.selectionSet ? selectionSetDepth(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = selectionSetDepth(selection.selectionSet);
      } else {
        depth = fragmentDepth(selection.name.value);
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  };

  return selectionSetDepth(operation.selectionSet);
}
