import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import type { AwsJsonServer } from '../../src/eventbridge/startAwsJsonServer.js';
import { startParameterStore } from '../../src/ssm/startParameterStore.js';

describe('Function: startParameterStore', () => {
  let store: AwsJsonServer;
  let client: SSMClient;

  beforeAll(async () => {
    store = await startParameterStore({
      region: 'eu-west-1',
      accountId: '000000000000',
      lookup: (name) =>
        name === '/stack/local/router/shared-secret'
          ? { type: 'SecureString', value: 'a'.repeat(43) }
          : undefined,
    });
    client = new SSMClient({
      endpoint: store.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await store.close();
  });

  it("answers the SDK's GetParameter with the parameter's value and type", async () => {
    const output = await client.send(
      new GetParameterCommand({ Name: '/stack/local/router/shared-secret', WithDecryption: true }),
    );

    expect(output.Parameter).toMatchObject({
      Name: '/stack/local/router/shared-secret',
      Type: 'SecureString',
      Value: 'a'.repeat(43),
      ARN: 'arn:aws:ssm:eu-west-1:000000000000:parameter/stack/local/router/shared-secret',
    });
  });

  it('refuses a parameter the stage does not have with ParameterNotFound', async () => {
    await expect(client.send(new GetParameterCommand({ Name: '/nope' }))).rejects.toThrow(
      ParameterNotFound,
    );
  });
});
