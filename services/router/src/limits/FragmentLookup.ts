import type { FragmentDefinitionNode } from 'graphql';

/**
 * Finds a fragment definition by name. Validation rules get it from `ValidationContext`, the pure
 * estimators from the document, so the measuring code does not care which one it is given.
 */
export type FragmentLookup = (name: string) => FragmentDefinitionNode | null | undefined;
