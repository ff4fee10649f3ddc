/** How {@link operationCost} guesses the size of lists, whose real length is only known later. */
export interface CostEstimateOptions {
  /**
   * List size assumed when the size argument is a variable or not an integer, or when it is
   * absent and the schema declares no default for it.
   */
  readonly defaultListSize?: number;
  /** Arguments that bound a list's size; the first one present on a field is used. */
  readonly listSizeArguments?: readonly string[];
}

/** List size assumed when a query does not state one (variables are unknown at validation). */
export const DEFAULT_LIST_SIZE = 10;

/** The pagination arguments our subgraphs use to bound lists. */
export const DEFAULT_LIST_SIZE_ARGUMENTS: readonly string[] = ['first', 'last', 'limit'];
