import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { signIdentity, type DirectInvokeEvent } from '@stack/kit';
import { callerOf, type RouterContext } from '../RouterContext.js';
import { describeFailure, SubgraphCallError } from './SubgraphCallError.js';

let sharedClient: LambdaClient | undefined;

/**
 * Invokes a subgraph's Lambda function directly (the cloud's `distributed` topology): no
 * second API Gateway hop, and IAM allows only the router's role to invoke. The caller's
 * identity travels signed in the payload.
 */
export class LambdaDataSource implements GraphQLDataSource<RouterContext> {
  constructor(
    private readonly options: {
      name: string;
      functionName: string;
      secret: string;
      timeoutMs: number;
      client?: LambdaClient;
    },
  ) {}

  async process({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const signed = signIdentity(callerOf(context).identity, this.options.secret);
    const event: DirectInvokeEvent = {
      kind: 'stack.subgraph-request',
      request: {
        query: request.query ?? '',
        variables: request.variables ?? null,
        operationName: request.operationName ?? null,
      },
      ...signed,
    };
    const client = this.options.client ?? (sharedClient ??= new LambdaClient({}));
    let output;
    try {
      output = await client.send(
        new InvokeCommand({
          FunctionName: this.options.functionName,
          Payload: Buffer.from(JSON.stringify(event)),
        }),
        { abortSignal: AbortSignal.timeout(this.options.timeoutMs) },
      );
    } catch (error) {
      throw new SubgraphCallError(
        this.options.name,
        describeFailure(error, this.options.timeoutMs),
      );
    }
    const payload = output.Payload ? Buffer.from(output.Payload).toString('utf8') : '';
    if (output.FunctionError) {
      throw new SubgraphCallError(
        this.options.name,
        `function error ${output.FunctionError}: ${payload.slice(0, 500)}`,
      );
    }
    try {
      return JSON.parse(payload) as GatewayGraphQLResponse;
    } catch {
      throw new SubgraphCallError(
        this.options.name,
        'the function returned a payload that is not JSON',
      );
    }
  }
}
