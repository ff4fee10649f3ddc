import type { HttpResponse } from '@stack/kit';
import { sha256Hex } from './sha256Hex.js';
import type { TrustedDocumentsOptions } from './TrustedDocumentsOptions.js';

/** A GraphQL-over-HTTP request as the router parsed it, before its GraphQL pipeline sees it. */
export interface GraphQLHttpInput {
  readonly method: string;
  /** The parsed JSON body of a POST; undefined for GET. */
  readonly body: unknown;
  /** The query string of a GET (`?query=…&extensions=…`), '' when none. */
  readonly search: string;
}

/** The request to execute (documents resolved), or the answer to send instead. */
export type TrustedDocumentOutcome =
  | { readonly kind: 'execute'; readonly body: unknown; readonly search: string }
  | { readonly kind: 'respond'; readonly response: HttpResponse };

/** What the operation fields of a request hold, whichever transport carried them. */
interface OperationFields {
  readonly query: unknown;
  readonly extensions: unknown;
}

/** The message of OPERATION_NOT_TRUSTED, for clients and for whoever reads the logs. */
export const OPERATION_NOT_TRUSTED_MESSAGE =
  'This environment executes only trusted documents: production accepts only the GraphQL documents the web apps persisted at build time (services/router/src/__generated__/trustedDocuments.ts). Send one of them by its persistedQuery sha256Hash, or run ad-hoc operations against an environment without trustedDocumentsOnly.';

/**
 * Applies the Automatic Persisted Queries protocol (`extensions.persistedQuery = { version: 1,
 * sha256Hash }`) against the web apps' manifest, and with `trustedOnly` refuses every operation
 * whose document is not in it, before anything is parsed. Answers like Apollo Server:
 * an unknown hash is PERSISTED_QUERY_NOT_FOUND with HTTP 200 (clients then retry with the query),
 * a hash that does not match the query is 400. Resolved requests reach the pipeline as plain
 * `query` requests; the pipeline has no APQ cache of its own, so nobody can register documents.
 */
export function resolveTrustedDocument(
  input: GraphQLHttpInput,
  options: TrustedDocumentsOptions,
): TrustedDocumentOutcome {
  const fields = operationFields(input);
  // Batches, non-objects and bad JSON: the pipeline (src/http) answers those with its own errors.
  if (!fields) return { kind: 'execute', body: input.body, search: input.search };
  const { extensions } = fields;
  const persisted = isRecord(extensions) ? extensions.persistedQuery : undefined;
  let query = fields.query;

  if (persisted !== undefined) {
    if (
      !isRecord(persisted) ||
      persisted.version !== 1 ||
      typeof persisted.sha256Hash !== 'string'
    ) {
      return respond(
        400,
        'Unsupported persisted query: extensions.persistedQuery must be { version: 1, sha256Hash: "<sha256 hex>" }.',
        'BAD_REQUEST',
      );
    }
    const hash = persisted.sha256Hash.toLowerCase();
    if (query === undefined || query === null || query === '') {
      const document = options.documents.get(hash);
      if (document === undefined) {
        return options.trustedOnly
          ? respond(400, OPERATION_NOT_TRUSTED_MESSAGE, 'OPERATION_NOT_TRUSTED')
          : respond(200, 'PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND', NO_CACHE);
      }
      query = document;
    } else if (typeof query !== 'string' || sha256Hex(query) !== hash) {
      return respond(400, 'provided sha does not match query', 'BAD_REQUEST');
    }
  }

  if (options.trustedOnly && !isTrusted(query, options.documents)) {
    return respond(400, OPERATION_NOT_TRUSTED_MESSAGE, 'OPERATION_NOT_TRUSTED');
  }
  if (persisted === undefined) return { kind: 'execute', body: input.body, search: input.search };
  return withResolvedQuery(input, query as string, extensions as Record<string, unknown>);
}

/** A document the manifest holds: looked up by its hash, then compared (no trust in the map's keys alone). */
function isTrusted(query: unknown, documents: ReadonlyMap<string, string>): boolean {
  return typeof query === 'string' && documents.get(sha256Hex(query)) === query;
}

function operationFields(input: GraphQLHttpInput): OperationFields | undefined {
  if (input.method === 'GET') {
    const params = new URLSearchParams(input.search);
    const rawExtensions = params.get('extensions');
    let extensions: unknown = undefined;
    if (rawExtensions !== null) {
      try {
        extensions = JSON.parse(rawExtensions) as unknown;
      } catch {
        return undefined;
      }
    }
    return { query: params.get('query') ?? undefined, extensions };
  }
  if (!isRecord(input.body)) return undefined;
  return { query: input.body.query, extensions: input.body.extensions };
}

/** The request with `query` set and the persistedQuery extension removed (it is resolved). */
function withResolvedQuery(
  input: GraphQLHttpInput,
  query: string,
  extensions: Record<string, unknown>,
): TrustedDocumentOutcome {
  const rest = { ...extensions };
  delete rest.persistedQuery;
  const remaining = Object.keys(rest).length > 0 ? rest : undefined;
  if (input.method === 'GET') {
    const params = new URLSearchParams(input.search);
    params.set('query', query);
    if (remaining) params.set('extensions', JSON.stringify(remaining));
    else params.delete('extensions');
    return { kind: 'execute', body: input.body, search: `?${params.toString()}` };
  }
  const body: Record<string, unknown> = { ...(input.body as Record<string, unknown>), query };
  if (remaining) body.extensions = remaining;
  else delete body.extensions;
  return { kind: 'execute', body, search: input.search };
}

// Apollo clients expect this with persisted-query errors (Apollo Server sends it): no cache keeps the miss.
const NO_CACHE = { 'cache-control': 'private, no-cache, must-revalidate' };

function respond(
  statusCode: number,
  message: string,
  code: string,
  headers: Record<string, string> = {},
): TrustedDocumentOutcome {
  return {
    kind: 'respond',
    response: {
      statusCode,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
