import { describe, expect, it } from '@jest/globals';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createSubgraph, type BaseContext } from '../../src/graphql/createSubgraph.js';
import { closedPort } from '../support/closedPort.js';

/** A real DynamoDB client aimed at a loopback port nothing listens on, one attempt. */
async function unreachableTable(): Promise<DynamoDBClient> {
  return new DynamoDBClient({
    endpoint: `http://127.0.0.1:${await closedPort()}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

const typeDefs =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { stock: Int, broken: Int }';
const anonymous = { userId: undefined, groups: [], anonymous: true };

describe('createSubgraph: errors a client sees', () => {
  it('answers SERVICE_UNAVAILABLE (retryable) when the table cannot be reached, INTERNAL_SERVER_ERROR for a bug', async () => {
    // Prepare
    const client = await unreachableTable();
    const subgraph = createSubgraph<BaseContext>({
      name: 'probe',
      typeDefs,
      resolvers: {
        Query: {
          stock: async () => {
            await client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }));
            return 1;
          },
          broken: () => {
            throw new TypeError("Cannot read properties of undefined (reading 'id')");
          },
        },
      },
      createContext: (base) => base,
    });

    // Act
    const outcome = await subgraph.execute({ query: '{ stock broken }' }, anonymous);
    client.destroy();

    // Assess: no internal detail leaks, and each error says whether a retry can help.
    const errors = outcome.body.errors ?? [];
    const byField = Object.fromEntries(errors.map((error) => [String(error.path?.[0]), error]));
    expect(byField['stock']).toEqual({
      message: 'The service is temporarily unavailable. Try again in a moment.',
      path: ['stock'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
    expect(byField['broken']).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(errors)).not.toMatch(/ECONNREFUSED|TypeError|127\.0\.0\.1/);
  });
});
