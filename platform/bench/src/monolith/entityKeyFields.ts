import { Kind, type GraphQLObjectType } from 'graphql';

/**
 * The fields named by a subgraph type's `@key(fields: "…")` directives, or undefined when a key
 * selects nested fields (`"id owner { id }"`): such a representation is not a flat pick, and
 * the monolith then hands the whole parent object to `__resolveReference`.
 */
export function entityKeyFields(type: GraphQLObjectType): readonly string[] | undefined {
  const fields = new Set<string>();
  for (const node of [type.astNode, ...(type.extensionASTNodes ?? [])]) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const argument = directive.arguments?.find((candidate) => candidate.name.value === 'fields');
      if (argument?.value.kind !== Kind.STRING) continue;
      if (/[{}()]/.test(argument.value.value)) return undefined;
      for (const name of argument.value.value.split(/[\s,]+/)) if (name) fields.add(name);
    }
  }
  return [...fields];
}
