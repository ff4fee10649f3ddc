import type { Identity } from '../identity/Identity.js';
import { IDENTITY_HEADER, SIGNATURE_HEADER, verifyIdentity } from '../identity/routerSignature.js';
import type { BaseContext, Subgraph } from './createSubgraph.js';
import type { SubgraphRequest } from './SubgraphRequest.js';

/** A transport-neutral HTTP request (Node http, API Gateway v2). Header names lower-case. */
export interface HttpRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  readonly requestId?: string;
}

/** A transport-neutral HTTP response. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The largest request body a subgraph accepts; the router enforces a smaller one upstream. */
export const MAX_SUBGRAPH_BODY_BYTES = 1_000_000;

/**
 * Serves one GraphQL-over-HTTP request to a subgraph. Only the router may call a subgraph:
 * a request without a valid router signature of the caller's identity is refused with 403.
 */
export async function handleHttpRequest<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  request: HttpRequest,
  routerSecret: string,
): Promise<HttpResponse> {
  if (request.method !== 'POST') {
    return json(
      405,
      { errors: [{ message: 'Use POST with a JSON GraphQL request.' }] },
      { allow: 'POST' },
    );
  }
  if (Buffer.byteLength(request.body) > MAX_SUBGRAPH_BODY_BYTES) {
    return json(413, {
      errors: [{ message: `The request body is larger than ${MAX_SUBGRAPH_BODY_BYTES} bytes.` }],
    });
  }
  const identity: Identity | undefined = verifyIdentity(
    { identity: request.headers[IDENTITY_HEADER], signature: request.headers[SIGNATURE_HEADER] },
    routerSecret,
  );
  if (!identity) {
    return json(403, {
      errors: [
        {
          message: 'Subgraphs only accept calls from the router.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  }
  let graphqlRequest: SubgraphRequest;
  try {
    graphqlRequest = JSON.parse(request.body) as SubgraphRequest;
  } catch {
    return json(400, { errors: [{ message: 'The request body is not valid JSON.' }] });
  }
  const outcome = await subgraph.execute(graphqlRequest, identity, request.requestId);
  return json(outcome.status, outcome.body);
}

function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
