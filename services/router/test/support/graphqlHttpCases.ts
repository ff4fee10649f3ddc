import type { HttpRequest } from '@stack/kit';
import type { QueryLimits } from '../../src/limits/index.js';

/** One GraphQL-over-HTTP request to the router over the fake supergraph, and how to build it. */
export interface GraphQLHttpCase {
  readonly name: string;
  readonly production: boolean;
  readonly failReviews?: boolean;
  readonly limits?: Partial<QueryLimits>;
  readonly request: HttpRequest & { search?: string };
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

const post = (body: unknown, headers: Record<string, string> = JSON_HEADERS) => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const get = (params: Record<string, string>, headers: Record<string, string> = PREFLIGHT) => ({
  method: 'GET',
  headers,
  body: '',
  search: `?${new URLSearchParams(params).toString()}`,
});

const TWO_OPERATIONS = 'query A { whoAmI } query B { book(id: "1") { title } }';
const RATE = 'mutation Rate($id: ID!, $stars: Int!) { rate(id: $id, stars: $stars) }';

/**
 * Requests that pin the router's GraphQL-over-HTTP behaviour: every status code, header and
 * error shape Apollo Server 5 gave them (recorded in fixtures/apolloServerAnswers.json) stays
 * what clients see, whatever runs the pipeline.
 */
const CASES_IN_BOTH_MODES: ReadonlyArray<Omit<GraphQLHttpCase, 'production'>> = [
  {
    name: 'a query joining two subgraphs',
    request: post({ query: '{ book(id: "1") { title stars } whoAmI }' }),
  },
  {
    name: 'a query with variables',
    request: post({
      query: 'query Q($id: ID!) { book(id: $id) { title } }',
      variables: { id: '7' },
    }),
  },
  {
    name: 'null variables, operationName and extensions',
    request: post({ query: '{ whoAmI }', variables: null, operationName: null, extensions: null }),
  },
  {
    name: 'the operation named by operationName',
    request: post({ query: TWO_OPERATIONS, operationName: 'B' }),
  },
  { name: 'two operations without operationName', request: post({ query: TWO_OPERATIONS }) },
  {
    name: 'an operationName the document lacks',
    request: post({ query: TWO_OPERATIONS, operationName: 'C' }),
  },
  {
    name: 'an operationName on an anonymous operation',
    request: post({ query: '{ whoAmI }', operationName: 'Nope' }),
  },
  { name: 'a syntax error', request: post({ query: '{ book(id: "1") { title }' }) },
  {
    name: 'an unknown field close to a known one',
    request: post({ query: '{ bok(id: "1") { title } }' }),
  },
  { name: 'an unknown argument', request: post({ query: '{ book(idd: "1") { title } }' }) },
  { name: 'introspection', request: post({ query: '{ __schema { queryType { name } } }' }) },
  { name: '__type introspection', request: post({ query: '{ __type(name: "Book") { name } }' }) },
  { name: '__typename alone', request: post({ query: '{ __typename }' }) },
  {
    name: 'a missing required variable',
    request: post({ query: 'query Q($id: ID!) { book(id: $id) { title } }' }),
  },
  {
    name: 'a variable of the wrong type',
    request: post({ query: RATE, variables: { id: '1', stars: 'many' } }),
  },
  {
    name: 'a mutation over POST',
    request: post({ query: RATE, variables: { id: '1', stars: 5 } }),
  },
  {
    name: 'a mutation over GET',
    request: get({ query: RATE, variables: JSON.stringify({ id: '1', stars: 5 }) }),
  },
  { name: 'a subscription', request: post({ query: 'subscription { whoAmI }' }) },
  { name: 'a resolver that throws', request: post({ query: '{ secret }' }) },
  {
    name: 'a failing subgraph',
    failReviews: true,
    request: post({ query: '{ book(id: "1") { title stars } }' }),
  },
  {
    name: 'a query too deep',
    limits: { maxDepth: 1 },
    request: post({ query: '{ book(id: "1") { title } }' }),
  },
  {
    name: 'a query too costly',
    limits: { maxCost: 1 },
    request: post({ query: '{ a: book(id: "1") { title } b: book(id: "2") { title } }' }),
  },
  {
    name: 'too many aliases',
    request: post({
      query: `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    }),
  },
  {
    name: 'too many tokens',
    request: post({
      query: `{ ${Array.from({ length: 2_600 }, (_, i) => `a${i}: whoAmI`).join(' ')} }`,
    }),
  },
  { name: 'a batch', request: post([{ query: '{ whoAmI }' }, { query: '{ whoAmI }' }]) },
  { name: 'an empty batch', request: post([]) },
  { name: 'an empty object body', request: post({}) },
  { name: 'an empty body', request: post('') },
  { name: 'a JSON string body', request: post('"{ whoAmI }"') },
  { name: 'a JSON null body', request: post('null') },
  { name: 'a body that is not JSON', request: post('{not json') },
  { name: 'no query', request: post({ variables: {} }) },
  { name: 'an empty query', request: post({ query: '' }) },
  { name: 'a query that is a number', request: post({ query: 42 }) },
  {
    name: 'a query that is an AST',
    request: post({ query: { kind: 'Document', definitions: [] } }),
  },
  { name: 'variables as a string', request: post({ query: '{ whoAmI }', variables: '{}' }) },
  { name: 'variables as an array', request: post({ query: '{ whoAmI }', variables: [] }) },
  { name: 'extensions as a string', request: post({ query: '{ whoAmI }', extensions: '{}' }) },
  { name: 'extensions as an array', request: post({ query: '{ whoAmI }', extensions: [1] }) },
  {
    name: 'other extensions',
    request: post({ query: '{ whoAmI }', extensions: { tracing: true } }),
  },
  {
    name: 'an operationName that is a number',
    request: post({ query: '{ whoAmI }', operationName: 1 }),
  },
  { name: 'a POST without content-type', request: post({ query: '{ whoAmI }' }, {}) },
  {
    name: 'a text/plain POST',
    request: post({ query: '{ whoAmI }' }, { 'content-type': 'text/plain' }),
  },
  {
    name: 'a form POST',
    request: post(
      { query: '{ whoAmI }' },
      { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    ),
  },
  {
    name: 'a text/plain POST with x-apollo-operation-name',
    request: post(
      { query: '{ whoAmI }' },
      { 'content-type': 'text/plain', 'x-apollo-operation-name': 'Q' },
    ),
  },
  {
    name: 'a text/plain POST with an empty preflight header',
    request: post(
      { query: '{ whoAmI }' },
      { 'content-type': 'text/plain', 'apollo-require-preflight': '' },
    ),
  },
  {
    name: 'a POST with an unparsable content-type',
    request: post({ query: '{ whoAmI }' }, { 'content-type': '%%%' }),
  },
  {
    name: 'a POST with a graphql content-type',
    request: post({ query: '{ whoAmI }' }, { 'content-type': 'application/graphql' }),
  },
  { name: 'a GET query', request: get({ query: '{ whoAmI }' }) },
  {
    name: 'a GET query with variables and operationName',
    request: get({
      query: TWO_OPERATIONS.replace('query A', 'query A($id: ID!)').replace('"1"', '$id'),
      operationName: 'A',
      variables: '{"id":"3"}',
    }),
  },
  { name: 'a GET without a preflight header', request: get({ query: '{ whoAmI }' }, {}) },
  {
    name: 'a GET with x-apollo-operation-name',
    request: get({ query: '{ whoAmI }' }, { 'x-apollo-operation-name': 'Q' }),
  },
  {
    name: 'a GET with a JSON content-type and no preflight header',
    request: get({ query: '{ whoAmI }' }, JSON_HEADERS),
  },
  {
    name: 'a GET with a text/html content-type',
    request: get({ query: '{ whoAmI }' }, { ...PREFLIGHT, 'content-type': 'text/html' }),
  },
  {
    name: 'a GET with an unparsable content-type',
    request: get({ query: '{ whoAmI }' }, { ...PREFLIGHT, 'content-type': '%%%' }),
  },
  { name: 'a GET without query', request: get({}) },
  {
    name: 'a GET with query twice',
    request: {
      method: 'GET',
      headers: PREFLIGHT,
      body: '',
      search: '?query=%7BwhoAmI%7D&query=%7BwhoAmI%7D',
    },
  },
  {
    name: 'a GET with variables that are not JSON',
    request: get({ query: '{ whoAmI }', variables: '{' }),
  },
  {
    name: 'a GET with variables that are an array',
    request: get({ query: '{ whoAmI }', variables: '[]' }),
  },
  {
    name: 'a GET with extensions that are not JSON',
    request: get({ query: '{ whoAmI }', extensions: '{' }),
  },
  {
    name: 'a GET with a search without "?"',
    request: { method: 'GET', headers: PREFLIGHT, body: '', search: 'query=%7BwhoAmI%7D' },
  },
  { name: 'a GET with no search', request: { method: 'GET', headers: PREFLIGHT, body: '' } },
  {
    name: 'a PUT',
    request: {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: '{ whoAmI }' }),
    },
  },
  { name: 'a DELETE without content-type', request: { method: 'DELETE', headers: {}, body: '' } },
  {
    name: 'accept: application/graphql-response+json',
    request: post(
      { query: '{ whoAmI }' },
      { ...JSON_HEADERS, accept: 'application/graphql-response+json' },
    ),
  },
  {
    name: 'accept: both JSON types, graphql-response preferred',
    request: post(
      { query: '{ whoAmI }' },
      { ...JSON_HEADERS, accept: 'application/graphql-response+json, application/json;q=0.9' },
    ),
  },
  {
    name: 'accept: */*',
    request: post({ query: '{ whoAmI }' }, { ...JSON_HEADERS, accept: '*/*' }),
  },
  {
    name: 'accept: application/*',
    request: post({ query: '{ whoAmI }' }, { ...JSON_HEADERS, accept: 'application/*' }),
  },
  {
    name: 'accept: equal q, graphql-response first',
    request: post(
      { query: '{ whoAmI }' },
      {
        ...JSON_HEADERS,
        accept: 'application/graphql-response+json;q=0.5, application/json;q=0.5',
      },
    ),
  },
  {
    name: 'accept: application/json;q=0',
    request: post({ query: '{ whoAmI }' }, { ...JSON_HEADERS, accept: 'application/json;q=0' }),
  },
  {
    name: 'accept: another charset',
    request: post(
      { query: '{ whoAmI }' },
      { ...JSON_HEADERS, accept: 'application/json; charset=latin1' },
    ),
  },
  {
    name: 'accept: upper case',
    request: post({ query: '{ whoAmI }' }, { ...JSON_HEADERS, accept: 'APPLICATION/JSON' }),
  },
  {
    name: 'accept: a wildcard ranked below graphql-response',
    request: post(
      { query: '{ whoAmI }' },
      { ...JSON_HEADERS, accept: '*/*;q=0.1, application/graphql-response+json' },
    ),
  },
  {
    name: 'accept: image/png',
    request: post({ query: '{ whoAmI }' }, { ...JSON_HEADERS, accept: 'image/png' }),
  },
  {
    name: 'accept: image/png with a syntax error',
    request: post({ query: '{' }, { ...JSON_HEADERS, accept: 'image/png' }),
  },
  {
    name: 'accept: image/png with a batch',
    request: post([{ query: '{ whoAmI }' }], { ...JSON_HEADERS, accept: 'image/png' }),
  },
  {
    name: 'accept: callbackSpec',
    request: post(
      { query: '{ whoAmI }' },
      { ...JSON_HEADERS, accept: 'application/json; callbackSpec=1.0' },
    ),
  },
  {
    name: 'accept: text/html on GET',
    request: get({ query: '{ whoAmI }' }, { ...PREFLIGHT, accept: 'text/html' }),
  },
  {
    name: 'accept: a browser GET',
    request: get(
      { query: '{ whoAmI }' },
      { ...PREFLIGHT, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    ),
  },
  {
    name: 'accept: multipart/mixed',
    request: post(
      { query: '{ whoAmI }' },
      { ...JSON_HEADERS, accept: 'multipart/mixed; deferSpec=20220824, application/json' },
    ),
  },
  {
    name: 'mixed-case header names',
    request: post(
      { query: '{ whoAmI }' },
      { 'Content-Type': 'text/plain', 'Apollo-Require-Preflight': 'yes' },
    ),
  },
  {
    name: 'a query plan asked for',
    request: post(
      { query: '{ book(id: "1") { title stars } }' },
      { ...JSON_HEADERS, 'apollo-query-plan-experimental': '1' },
    ),
  },
  {
    name: 'a @defer',
    request: post({ query: '{ book(id: "1") { title ... @defer { stars } } }' }),
  },
];

/** Every case, outside and inside production. */
export const GRAPHQL_HTTP_CASES: ReadonlyArray<GraphQLHttpCase> = [false, true].flatMap(
  (production) => CASES_IN_BOTH_MODES.map((entry) => ({ ...entry, production })),
);

/** The key a case's recorded answer is stored under. */
export function caseKey(entry: GraphQLHttpCase): string {
  return `${entry.production ? 'production' : 'development'}: ${entry.name}`;
}
