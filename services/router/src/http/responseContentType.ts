import { negotiateMediaType } from './negotiateMediaType.js';

/** The media types the router answers a single GraphQL result with. */
export const MEDIA_TYPES = {
  APPLICATION_JSON: 'application/json; charset=utf-8',
  APPLICATION_GRAPHQL_RESPONSE_JSON: 'application/graphql-response+json; charset=utf-8',
  APPLICATION_JSON_GRAPHQL_CALLBACK: 'application/json; callbackSpec=1.0; charset=utf-8',
} as const;

const AVAILABLE = [
  MEDIA_TYPES.APPLICATION_JSON,
  MEDIA_TYPES.APPLICATION_GRAPHQL_RESPONSE_JSON,
  MEDIA_TYPES.APPLICATION_JSON_GRAPHQL_CALLBACK,
];

/**
 * The content type of a GraphQL result for a request's Accept header: application/json without
 * one (the GraphQL-over-HTTP spec's legacy default, which Apollo clients expect), otherwise the
 * type the header prefers; null when it accepts none of them.
 */
export function responseContentType(accept: string | undefined): string | null {
  if (!accept) return MEDIA_TYPES.APPLICATION_JSON;
  return negotiateMediaType(accept, AVAILABLE);
}
