import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
} from 'graphql';
import type {
  FieldNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { DEFAULT_LIST_SIZE, DEFAULT_LIST_SIZE_ARGUMENTS } from './CostEstimateOptions.js';
import type { CostEstimateOptions } from './CostEstimateOptions.js';
import type { FragmentLookup } from './FragmentLookup.js';
import { isMetaField } from './isMetaField.js';

/**
 * Estimates what an operation costs to execute, before executing it.
 *
 * - Every field costs 1. Meta-fields (`__typename`, `__schema`, `__type`) cost 1 and what is
 *   below them is not counted: the router answers them without calling a subgraph.
 * - A field whose type is a list costs 1 plus its list size times the cost of its selection.
 * - The list size is the first argument named in `listSizeArguments` that the field has: its
 *   value when it is an integer literal, `defaultListSize` otherwise (a variable's value is not
 *   known during validation). When the query omits them all, the schema's integer default for
 *   one of them is used, since that is what executes.
 * - Connections: in `products(first: 50) { edges { node { … } } }` the argument bounding the
 *   list is on `products`, but the list is `edges`. So a size argument on a field that is not a
 *   list is handed down to its descendants, and the nearest list below it that has no size
 *   argument of its own uses it. That list consumes it: lists further down (say, inside `node`)
 *   fall back to `defaultListSize` rather than being multiplied by the page size again.
 * - Fragments and inline fragments add the cost of their selections, even when their type
 *   conditions exclude each other (e.g. two members of a union): an upper bound is safer.
 * - Unknown fields and fragments (reported by graphql's own rules) cost 1 and 0.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  getFragment: FragmentLookup,
  options: CostEstimateOptions = {},
): number {
  const defaultListSize = options.defaultListSize ?? DEFAULT_LIST_SIZE;
  const listSizeArguments = options.listSizeArguments ?? DEFAULT_LIST_SIZE_ARGUMENTS;
  // A fragment's cost depends only on the size handed down to it (its type condition fixes its
  // parent type), so it is computed once per size; a chain of fragments each spread twice would
  // otherwise take exponential time.
  const fragmentCosts = new Map<string, number>();
  // Cuts fragment cycles (reported by graphql's NoFragmentCyclesRule) instead of looping.
  const inProgress = new Set<string>();

  const statedListSize = (
    field: FieldNode,
    definition: GraphQLField<unknown, unknown> | undefined,
  ): number | undefined => {
    for (const name of listSizeArguments) {
      const argument = field.arguments?.find((candidate) => candidate.name.value === name);
      if (argument === undefined) continue;
      if (argument.value.kind !== Kind.INT) return defaultListSize;
      return Math.max(0, Number.parseInt(argument.value.value, 10));
    }
    // An omitted argument executes with the schema's default (ours declare `first: Int = 20`).
    for (const name of listSizeArguments) {
      const declared = definition?.args.find((argument) => argument.name === name)?.defaultValue;
      if (typeof declared === 'number') return Math.max(0, declared);
    }
    return undefined;
  };

  const fieldDefinition = (
    parentType: GraphQLCompositeType | undefined,
    field: FieldNode,
  ): GraphQLField<unknown, unknown> | undefined =>
    isObjectType(parentType) || isInterfaceType(parentType)
      ? parentType.getFields()[field.name.value]
      : undefined;

  const fieldCost = (
    field: FieldNode,
    parentType: GraphQLCompositeType | undefined,
    inheritedSize: number | undefined,
  ): number => {
    if (isMetaField(field)) return 1;
    const definition = fieldDefinition(parentType, field);
    const ownSize = statedListSize(field, definition);
    const isList = definition !== undefined && isListType(getNullableType(definition.type));
    const multiplier = isList ? (ownSize ?? inheritedSize ?? defaultListSize) : 1;
    // A list uses up the size it was given; a non-list passes its own (or its parent's) down.
    const sizeForChildren = isList ? undefined : (ownSize ?? inheritedSize);
    if (field.selectionSet === undefined) return 1;
    const namedType = definition === undefined ? undefined : getNamedType(definition.type);
    const childType = isCompositeType(namedType) ? namedType : undefined;
    return 1 + multiplier * selectionSetCost(field.selectionSet, childType, sizeForChildren);
  };

  const fragmentCost = (name: string, inheritedSize: number | undefined): number => {
    const key = `${name}:${inheritedSize ?? ''}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = getFragment(name);
    if (!fragment || inProgress.has(name)) return 0;
    const type = schema.getType(fragment.typeCondition.name.value);
    inProgress.add(name);
    const cost = selectionSetCost(
      fragment.selectionSet,
      isCompositeType(type) ? type : undefined,
      inheritedSize,
    );
    inProgress.delete(name);
    fragmentCosts.set(key, cost);
    return cost;
  };

  const selectionSetCost = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType | undefined,
    inheritedSize: number | undefined,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parentType, inheritedSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const conditionType = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        const type = isCompositeType(conditionType) ? conditionType : undefined;
        cost += selectionSetCost(selection.selectionSet, type, inheritedSize);
      } else {
        cost += fragmentCost(selection.name.value, inheritedSize);
      }
    }
    return cost;
  };

  return selectionSetCost(
    operation.selectionSet,
    schema.getRootType(operation.operation) ?? undefined,
    undefined,
  );
}
