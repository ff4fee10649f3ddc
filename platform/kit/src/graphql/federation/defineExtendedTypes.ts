import { Kind, isTypeExtensionNode, type DefinitionNode, type TypeDefinitionNode } from 'graphql';

const DEFINITION_KIND = {
  [Kind.SCALAR_TYPE_EXTENSION]: Kind.SCALAR_TYPE_DEFINITION,
  [Kind.OBJECT_TYPE_EXTENSION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_EXTENSION]: Kind.INTERFACE_TYPE_DEFINITION,
  [Kind.UNION_TYPE_EXTENSION]: Kind.UNION_TYPE_DEFINITION,
  [Kind.ENUM_TYPE_EXTENSION]: Kind.ENUM_TYPE_DEFINITION,
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: Kind.INPUT_OBJECT_TYPE_DEFINITION,
} as const;

/**
 * Federation lets a subgraph `extend type Product @key(…)` without defining `Product` (another
 * subgraph owns it); graphql-js refuses to extend an undefined type, so the first extension of
 * each such type becomes its definition.
 */
export function defineExtendedTypes(
  definitions: readonly DefinitionNode[],
  definedTypes: ReadonlySet<string>,
): DefinitionNode[] {
  const defined = new Set(definedTypes);
  return definitions.map((definition) => {
    if (!isTypeExtensionNode(definition) || defined.has(definition.name.value)) return definition;
    defined.add(definition.name.value);
    return { ...definition, kind: DEFINITION_KIND[definition.kind] } as TypeDefinitionNode;
  });
}
