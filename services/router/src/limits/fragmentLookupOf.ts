import { Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode } from 'graphql';
import type { FragmentLookup } from './FragmentLookup.js';

/** Builds a {@link FragmentLookup} over the fragments defined in a parsed document. */
export function fragmentLookupOf(document: DocumentNode): FragmentLookup {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    // First definition wins, like ValidationContext.getFragment; duplicates are reported by
    // graphql's UniqueFragmentNamesRule.
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
      fragments.set(definition.name.value, definition);
    }
  }
  return (name) => fragments.get(name);
}
