import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { startLambdaApi, type LambdaApi } from '../../src/lambda/startLambdaApi.js';
import type { LambdaHandler } from '../../src/cloudformation/loadHandler.js';

const payloadOf = (bytes: Uint8Array | undefined) =>
  JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as unknown;

describe('Function: startLambdaApi', () => {
  const events: unknown[] = [];
  const handlers: Record<string, LambdaHandler> = {
    echo: (event) => {
      events.push(event);
      return Promise.resolve({ got: event });
    },
    broken: () => Promise.reject(new TypeError('no table')),
  };
  let api: LambdaApi;
  let client: LambdaClient;

  beforeAll(async () => {
    api = await startLambdaApi({
      resolve: (name) => {
        const handler = handlers[name.split(':').at(-1) ?? ''];
        return handler && Promise.resolve(handler);
      },
    });
    client = new LambdaClient({
      endpoint: api.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await api.close();
  });

  it("answers the SDK's Invoke with the handler's result, by name or ARN", async () => {
    // Act
    const byName = await client.send(
      new InvokeCommand({ FunctionName: 'echo', Payload: JSON.stringify({ n: 1 }) }),
    );
    const byArn = await client.send(
      new InvokeCommand({
        FunctionName: 'arn:aws:lambda:eu-west-1:000000000000:function:echo',
        Payload: JSON.stringify({ n: 2 }),
      }),
    );

    // Assess
    expect(byName.StatusCode).toBe(200);
    expect(byName.FunctionError).toBeUndefined();
    expect(payloadOf(byName.Payload)).toEqual({ got: { n: 1 } });
    expect(payloadOf(byArn.Payload)).toEqual({ got: { n: 2 } });
  });

  it('reports a thrown error as Lambda does: HTTP 200, FunctionError Unhandled, error payload', async () => {
    const output = await client.send(new InvokeCommand({ FunctionName: 'broken', Payload: '{}' }));

    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBe('Unhandled');
    expect(payloadOf(output.Payload)).toEqual({ errorType: 'TypeError', errorMessage: 'no table' });
  });

  it('answers an Event invocation with 202 and runs the handler after', async () => {
    const before = events.length;

    const output = await client.send(
      new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: '{"n":3}' }),
    );

    expect(output.StatusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.slice(before)).toEqual([{ n: 3 }]);
  });

  it('refuses a function the stage does not have with ResourceNotFoundException', async () => {
    await expect(
      client.send(new InvokeCommand({ FunctionName: 'stack-local-nope', Payload: '{}' })),
    ).rejects.toThrow(ResourceNotFoundException);
  });
});
