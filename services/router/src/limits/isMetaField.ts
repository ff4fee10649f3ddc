import type { FieldNode } from 'graphql';

/**
 * Tells whether a field is a GraphQL meta-field (`__typename`, `__schema`, `__type`). The router
 * answers them without calling a subgraph, so the limits skip them and what is below them (cost
 * still counts each as 1); otherwise the IDE's introspection query, 15 deep, would be rejected.
 */
export function isMetaField(field: FieldNode): boolean {
  return field.name.value.startsWith('__');
}
