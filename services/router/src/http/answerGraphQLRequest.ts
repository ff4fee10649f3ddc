import type { HttpResponse } from '@stack/kit';
import { badRequest } from '../execution/codedErrors.js';
import { consoleLogger } from '../execution/consoleLogger.js';
import { newHttpHead } from '../execution/HttpHead.js';
import { runOperation, type OperationRunner } from '../execution/runOperation.js';
import type { RouterContext } from '../RouterContext.js';
import { errorResponse } from './errorResponse.js';
import { preventCsrf } from './preventCsrf.js';
import { readGraphQLRequest, type GraphQLHttpRequest } from './readGraphQLRequest.js';
import { MEDIA_TYPES, responseContentType } from './responseContentType.js';
import { serializeResult } from './serializeResult.js';

/**
 * Answers one GraphQL-over-HTTP request (GET or POST, one operation per request): CSRF check,
 * batches refused, the request read and run, the result in the media type the Accept header
 * prefers (406 when it accepts none of them).
 */
export async function answerGraphQLRequest(
  runner: OperationRunner,
  request: GraphQLHttpRequest,
  context: RouterContext,
): Promise<HttpResponse> {
  const accept = request.headers.get('accept');
  try {
    preventCsrf(request.headers);
    if (request.method === 'POST' && Array.isArray(request.body)) {
      throw badRequest('Operation batching disabled.');
    }
    const fields = readGraphQLRequest(request);
    const response = await runOperation(
      runner,
      fields,
      { method: request.method, search: request.search, headers: new Map(request.headers) },
      context,
    ).catch((error: unknown) => {
      // A bug, not a bad request: logged in full, masked for the client.
      consoleLogger.error(`Unexpected error processing request: ${String(error)}`);
      throw new Error('Internal server error');
    });
    const contentType = responseContentType(accept);
    if (contentType === null) {
      throw badRequest(
        `An 'accept' header was provided for this request which does not accept ${MEDIA_TYPES.APPLICATION_JSON} or ${MEDIA_TYPES.APPLICATION_GRAPHQL_RESPONSE_JSON}`,
        newHttpHead(406),
      );
    }
    response.headers.set('content-type', contentType);
    return {
      statusCode: response.status ?? 200,
      headers: Object.fromEntries(response.headers),
      body: serializeResult(response.result),
    };
  } catch (error) {
    return errorResponse(error, accept, runner.production);
  }
}
