import {
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { sha256Hex } from '../trustedDocuments/sha256Hex.js';
import { ensureGraphQLError, syntaxError, validationError } from './codedErrors.js';
import type { DocumentCache } from './DocumentCache.js';

/** A document that parsed and passed validation, and the hash the gateway keys its plans by. */
export interface PreparedDocument {
  readonly document: DocumentNode;
  readonly queryHash: string;
}

/** How documents are parsed and validated; fixed for a router's lifetime. */
export interface DocumentRules {
  readonly schema: GraphQLSchema;
  /** Run after graphql's specified rules (introspection ban, query limits). */
  readonly validationRules: readonly ValidationRule[];
  readonly maxTokens: number;
  /** Strip "Did you mean …?" from validation errors, which would reveal schema names. */
  readonly hideSuggestions: boolean;
}

/**
 * Parses and validates `query`, or answers from `cache`: a repeated operation skips both steps.
 * Only documents that pass are cached, so refused ones cost their full price every time.
 */
export function prepareDocument(
  query: string,
  rules: DocumentRules,
  cache: DocumentCache<PreparedDocument>,
): PreparedDocument | { readonly errors: readonly GraphQLError[] } {
  const cached = cache.get(query);
  if (cached) return cached;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: rules.maxTokens });
  } catch (error) {
    return { errors: [syntaxError(ensureGraphQLError(error))] };
  }
  const errors = validate(rules.schema, document, [...specifiedRules, ...rules.validationRules]);
  if (errors.length > 0) {
    if (rules.hideSuggestions)
      for (const error of errors)
        error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
    return { errors: errors.map(validationError) };
  }
  const prepared = { document, queryHash: sha256Hex(query) };
  cache.set(query, prepared);
  return prepared;
}
