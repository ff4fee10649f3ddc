import { Kind, isTypeDefinitionNode, type DocumentNode } from 'graphql';

/** The names of the types and directives an SDL defines (type extensions do not count). */
export function definedNames(document: DocumentNode): {
  types: Set<string>;
  directives: Set<string>;
} {
  const types = new Set<string>();
  const directives = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) directives.add(definition.name.value);
    else if (isTypeDefinitionNode(definition)) types.add(definition.name.value);
  }
  return { types, directives };
}
