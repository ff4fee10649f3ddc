import { Kind, type DocumentNode } from 'graphql';

/**
 * The object types a subgraph SDL marks with `@key` (named `keyDirective` in this subgraph),
 * sorted by name as Apollo sorts them: the members of `_Entity`. Like Apollo's, the list includes types
 * whose keys are all `resolvable: false`, so `_Entity` is the same union either way.
 */
export function entityTypeNames(document: DocumentNode, keyDirective: string): string[] {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      definition.directives?.some((directive) => directive.name.value === keyDirective)
    ) {
      names.add(definition.name.value);
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
