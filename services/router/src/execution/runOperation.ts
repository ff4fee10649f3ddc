import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { RouterContext } from '../RouterContext.js';
import { cacheControlHeader } from './cacheControlHeader.js';
import { CachePolicy } from './CachePolicy.js';
import {
  badRequest,
  ensureGraphQLError,
  operationResolutionError,
  userInputError,
} from './codedErrors.js';
import type { DocumentCache } from './DocumentCache.js';
import { formatErrors } from './formatErrors.js';
import { gatewayRequestContext } from './gatewayRequestContext.js';
import type { GraphQLRequestFields } from './GraphQLRequestFields.js';
import { mergeHttpHead, newHttpHead, type HttpHead } from './HttpHead.js';
import { isVariableCoercionError } from './isVariableCoercionError.js';
import { prepareDocument, type DocumentRules, type PreparedDocument } from './prepareDocument.js';

/** What runs operations: fixed for a router's lifetime. */
export interface OperationRunner {
  readonly schema: GraphQLSchema;
  readonly executor: GatewayExecutor;
  readonly rules: DocumentRules;
  readonly documents: DocumentCache<PreparedDocument>;
  readonly production: boolean;
}

/** The HTTP side of a request the pipeline needs: GET may only query. Header names lower-case. */
export interface OperationHttp {
  readonly method: string;
  readonly search: string;
  readonly headers: Map<string, string>;
}

/** One operation's result with the status and headers its response should carry. */
export interface OperationResponse extends HttpHead {
  readonly result: FormattedExecutionResult;
}

/**
 * Runs one GraphQL request: document from the cache or parsed and validated, operation chosen by
 * operationName, mutations refused over GET (405), then the gateway's query plan executed. Errors
 * come back formatted, with the status Apollo Server gave them: 400 for documents and variables
 * the router refuses, 200 when execution ran.
 */
export async function runOperation(
  runner: OperationRunner,
  request: GraphQLRequestFields,
  http: OperationHttp,
  context: RouterContext,
): Promise<OperationResponse> {
  const head = newHttpHead();
  const cachePolicy = new CachePolicy();
  const respond = (result: FormattedExecutionResult): OperationResponse => {
    head.headers.set(
      'cache-control',
      cacheControlHeader(head.headers.get('cache-control'), cachePolicy, !!result.errors),
    );
    return { ...head, result };
  };
  const fail = (errors: readonly unknown[]): OperationResponse => {
    const { formatted, http: fromErrors } = formatErrors(errors, runner.production);
    mergeHttpHead(head, fromErrors);
    head.status ??= 500;
    return respond({ errors: formatted });
  };

  const { query } = request;
  if (!query) {
    return fail([
      badRequest(
        'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
      ),
    ]);
  }
  const prepared = prepareDocument(query, runner.rules, runner.documents);
  if ('errors' in prepared) return fail(prepared.errors);

  const operation = getOperationAST(prepared.document, request.operationName) ?? undefined;
  // A request error, so 400 (Apollo Server let the gateway throw, which answered 500).
  if (!operation) {
    return fail([
      operationResolutionError(
        new GraphQLError(unresolvedOperationMessage(prepared.document, request.operationName)),
      ),
    ]);
  }
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    return fail([
      badRequest(
        'Subscriptions are not supported: the API answers queries and mutations over HTTP.',
      ),
    ]);
  }
  if (http.method === 'GET' && operation.operation !== OperationTypeNode.QUERY) {
    return fail([
      badRequest(
        `GET requests only support query operations, not ${operation.operation} operations`,
        newHttpHead(405, [['allow', 'POST']]),
      ),
    ]);
  }

  let result;
  try {
    result = await runner.executor(
      gatewayRequestContext(runner.schema, {
        request: { ...request, query },
        http,
        prepared,
        operation,
        context,
        response: head,
        cachePolicy,
        production: runner.production,
      }),
    );
  } catch (error) {
    return fail([ensureGraphQLError(error)]);
  }
  const errors = result.errors?.map((error) =>
    isVariableCoercionError(error) && error.extensions?.code == null
      ? userInputError(error)
      : error,
  );
  if (!errors) return respond(result);
  const { formatted, http: fromErrors } = formatErrors(errors, runner.production);
  // Variables that fail coercion stop execution before any data: the request was bad.
  if (errors.length > 0 && result.data === undefined && !fromErrors.status) fromErrors.status = 400;
  mergeHttpHead(head, fromErrors);
  return respond({ ...result, errors: formatted });
}

/** Why no operation of `document` can run, in the words GraphQL's own `execute` uses. */
function unresolvedOperationMessage(
  document: DocumentNode,
  operationName: string | null | undefined,
): string {
  if (operationName) return `Unknown operation named "${operationName}".`;
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operations.length === 0
    ? 'Must provide an operation.'
    : 'Must provide operation name if query contains multiple operations.';
}
