import { Kind } from 'graphql';
import { badRequest } from '../execution/codedErrors.js';
import { newHttpHead } from '../execution/HttpHead.js';
import type { GraphQLRequestFields } from '../execution/GraphQLRequestFields.js';
import { mimeEssence } from './mimeEssence.js';

/** The parts of an HTTP request that carry a GraphQL request. Header names lower-case. */
export interface GraphQLHttpRequest {
  readonly method: string;
  readonly headers: ReadonlyMap<string, string>;
  /** The query string, with or without its leading `?`. */
  readonly search: string;
  /** The parsed JSON body of a POST. */
  readonly body: unknown;
}

/**
 * Reads query, operationName, variables and extensions from a POST's JSON body or a GET's query
 * string (GraphQL over HTTP), refusing with BAD_REQUEST whatever does not have their shape.
 */
export function readGraphQLRequest(request: GraphQLHttpRequest): GraphQLRequestFields {
  if (request.method === 'POST') return fromPostBody(request.body);
  if (request.method === 'GET') return fromQueryString(request);
  throw badRequest(
    'Apollo Server supports only GET/POST requests.',
    newHttpHead(405, [['allow', 'GET, POST']]),
  );
}

function fromPostBody(body: unknown): GraphQLRequestFields {
  if (!isRecord(body) || Object.keys(body).length === 0) {
    throw badRequest('POST body missing, invalid Content-Type, or JSON object has no keys.');
  }
  const { query, variables, extensions, operationName } = body;
  if (query && typeof query !== 'string') {
    throw badRequest(
      (query as { kind?: unknown }).kind === Kind.DOCUMENT
        ? "GraphQL queries must be strings. It looks like you're sending the internal graphql-js representation of a parsed query in your request instead of a request in the GraphQL query language. You can convert an AST to a string using the `print` function from `graphql`, or use a client like `apollo-client` which converts the internal representation to a string for you."
        : 'GraphQL queries must be strings.',
    );
  }
  for (const [name, value] of [
    ['variables', variables],
    ['extensions', extensions],
  ] as const) {
    if (typeof value === 'string') {
      throw badRequest(
        `\`${name}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`,
      );
    }
  }
  for (const [name, value] of [
    ['extensions', extensions],
    ['variables', variables],
  ] as const) {
    if (name in body && value !== null && !isRecord(value)) {
      throw badRequest(`\`${name}\` in a POST body must be an object if provided.`);
    }
  }
  if ('operationName' in body && operationName !== null && typeof operationName !== 'string') {
    throw badRequest('`operationName` in a POST body must be a string if provided.');
  }
  return {
    query: typeof query === 'string' ? query : undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: isRecord(variables) ? variables : undefined,
    extensions: isRecord(extensions) ? extensions : undefined,
  };
}

function fromQueryString(request: GraphQLHttpRequest): GraphQLRequestFields {
  const contentType = request.headers.get('content-type');
  if (contentType !== undefined && mimeEssence(contentType) !== 'application/json') {
    throw badRequest(
      'GET requests may not have a content-type header other than application/json.',
      newHttpHead(415),
    );
  }
  const params = new URLSearchParams(request.search);
  return {
    query: onlyOnce(params, 'query'),
    operationName: onlyOnce(params, 'operationName'),
    variables: jsonObjectParam(params, 'variables'),
    extensions: jsonObjectParam(params, 'extensions'),
  };
}

function onlyOnce(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) {
    throw badRequest(`The '${name}' search parameter may only be specified once.`);
  }
  return values[0];
}

function jsonObjectParam(
  params: URLSearchParams,
  name: string,
): Record<string, unknown> | undefined {
  const value = onlyOnce(params, name);
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badRequest(`The ${name} search parameter contains invalid JSON.`);
  }
  if (!isRecord(parsed)) {
    throw badRequest(`The ${name} search parameter should contain a JSON-encoded object.`);
  }
  return parsed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
