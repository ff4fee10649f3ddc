/** The limits the router puts on an operation before executing it. */
export interface QueryLimits {
  /** Deepest nesting of fields an operation may have (`{ a { b } }` is 2). */
  readonly maxDepth: number;
  /** Most aliased fields an operation may execute, counting fragments once per spread. */
  readonly maxAliases: number;
  /** Highest estimated cost an operation may have (see operationCost). */
  readonly maxCost: number;
  /** Most lexical tokens a document may have; enforced by graphql's parser, not by a rule. */
  readonly maxTokens: number;
}
