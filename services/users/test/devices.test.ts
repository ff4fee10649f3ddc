import { beforeAll, describe, expect, it } from '@jest/globals';
import { type Identity } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { createUsersSubgraph } from '../src/subgraph.js';
import { recordingSnsClient } from '@stack/kit/testing';

const alice: Identity = { userId: 'alice', username: 'alice', groups: [], anonymous: false };
const bob: Identity = { userId: 'bob', username: 'bob', groups: [], anonymous: false };
const FCM_APP = 'arn:aws:sns:eu-west-1:111111111111:app/GCM/stack-app';

const REGISTER =
  'mutation($t: String!, $p: DevicePlatform!) { registerDevice(token: $t, platform: $p) { id platform registeredAt } }';
const MY_DEVICES = '{ me { devices { id platform } } }';

// SNS platform endpoints are not emulated by fauxqs; the SDK calls are recorded instead.
describe('Subgraph: users (push devices)', () => {
  let tableName: string;

  beforeAll(async () => {
    tableName = await createTestTable('users-devices');
  });

  it('refuses with "push is not enabled" and stores nothing when the environment has no platform application', async () => {
    const sns = recordingSnsClient();
    const subgraph = createUsersSubgraph({ tableName }, { pushApplications: {}, sns: sns.client });

    const result = await subgraph.execute(
      { query: REGISTER, variables: { t: 'token-1', p: 'FCM' } },
      alice,
    );

    expect(result.body.errors?.[0]?.message).toMatch(/^push is not enabled in this environment/);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sns.calls).toHaveLength(0);
    const me = await subgraph.execute({ query: MY_DEVICES }, alice);
    expect(me.body).toEqual({ data: { me: { devices: [] } } });
  });

  it('creates an SNS platform endpoint and stores it once per token', async () => {
    const sns = recordingSnsClient();
    const subgraph = createUsersSubgraph(
      { tableName },
      { pushApplications: { FCM: FCM_APP }, sns: sns.client },
    );

    const first = await subgraph.execute(
      { query: REGISTER, variables: { t: 'tok-a', p: 'FCM' } },
      bob,
    );
    const again = await subgraph.execute(
      { query: REGISTER, variables: { t: 'tok-a', p: 'FCM' } },
      bob,
    );

    expect(first.body.errors).toBeUndefined();
    const device = first.body.data?.registerDevice as { id: string; platform: string };
    expect(device.platform).toBe('FCM');
    expect(again.body.data?.registerDevice).toEqual(first.body.data?.registerDevice);
    expect(sns.calls[0]).toEqual({
      command: 'CreatePlatformEndpointCommand',
      input: { PlatformApplicationArn: FCM_APP, Token: 'tok-a', CustomUserData: 'bob' },
    });
    const me = await subgraph.execute({ query: MY_DEVICES }, bob);
    expect(me.body).toEqual({ data: { me: { devices: [{ id: device.id, platform: 'FCM' }] } } });
    // Others may not see them.
    const other = await subgraph.execute(
      { query: '{ user(id: "bob") { devices { id } } }' },
      alice,
    );
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Unregister deletes the endpoint and the device.
    const removed = await subgraph.execute(
      { query: 'mutation($id: ID!) { unregisterDevice(id: $id) }', variables: { id: device.id } },
      bob,
    );
    expect(removed.body).toEqual({ data: { unregisterDevice: true } });
    expect(sns.calls.at(-1)).toEqual({
      command: 'DeleteEndpointCommand',
      input: { EndpointArn: `${FCM_APP}/endpoint-tok-a` },
    });
    expect((await subgraph.execute({ query: MY_DEVICES }, bob)).body).toEqual({
      data: { me: { devices: [] } },
    });
    const unknown = await subgraph.execute(
      { query: 'mutation { unregisterDevice(id: "nope") }' },
      bob,
    );
    expect(unknown.body).toEqual({ data: { unregisterDevice: false } });
  });

  it('rejects a token with spaces before calling SNS', async () => {
    const sns = recordingSnsClient();
    const subgraph = createUsersSubgraph(
      { tableName },
      { pushApplications: { FCM: FCM_APP }, sns: sns.client },
    );
    const result = await subgraph.execute(
      { query: REGISTER, variables: { t: 'has space', p: 'FCM' } },
      alice,
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });
    expect(sns.calls).toHaveLength(0);
  });

  it('caps a user at 10 devices', async () => {
    const sns = recordingSnsClient();
    const subgraph = createUsersSubgraph(
      { tableName },
      { pushApplications: { FCM: FCM_APP }, sns: sns.client },
    );
    const carol: Identity = { userId: 'carol', username: 'carol', groups: [], anonymous: false };
    for (let index = 0; index < 10; index += 1) {
      const ok = await subgraph.execute(
        { query: REGISTER, variables: { t: `carol-${index}`, p: 'FCM' } },
        carol,
      );
      expect(ok.body.errors).toBeUndefined();
    }
    const eleventh = await subgraph.execute(
      { query: REGISTER, variables: { t: 'carol-10', p: 'FCM' } },
      carol,
    );
    expect(eleventh.body.errors?.[0]?.message).toMatch(/at most 10 devices/);
    expect(sns.calls).toHaveLength(10);
  });
});
