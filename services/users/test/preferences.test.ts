import { beforeAll, describe, expect, it } from '@jest/globals';
import { type Identity } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { createUsersSubgraph } from '../src/subgraph.js';

const alice: Identity = { userId: 'alice', username: 'alice', groups: [], anonymous: false };
const bob: Identity = { userId: 'bob', username: 'bob', groups: [], anonymous: false };
const admin: Identity = { userId: 'root', username: 'root', groups: ['admin'], anonymous: false };

describe('Subgraph: users (email notification preference)', () => {
  let subgraph: ReturnType<typeof createUsersSubgraph>;

  beforeAll(async () => {
    subgraph = createUsersSubgraph({ tableName: await createTestTable('users-preferences') });
  });

  const update = (identity: Identity, input: Record<string, unknown>) =>
    subgraph.execute(
      {
        query: 'mutation($i: UpdateMeInput!) { updateMe(input: $i) { id emailNotifications } }',
        variables: { i: input },
      },
      identity,
    );
  const read = (identity: Identity, id: string) =>
    subgraph.execute(
      { query: 'query($id: ID!) { user(id: $id) { id emailNotifications } }', variables: { id } },
      identity,
    );

  it('defaults to true for a new profile', async () => {
    const me = await subgraph.execute({ query: '{ me { id emailNotifications } }' }, alice);
    expect(me.body).toEqual({ data: { me: { id: 'alice', emailNotifications: true } } });
  });

  it('lets the user turn it off and on, and null leaves it unchanged', async () => {
    expect((await update(alice, { emailNotifications: false })).body).toEqual({
      data: { updateMe: { id: 'alice', emailNotifications: false } },
    });
    expect((await update(alice, { name: 'Alice', emailNotifications: null })).body).toEqual({
      data: { updateMe: { id: 'alice', emailNotifications: false } },
    });
    expect((await read(alice, 'alice')).body).toEqual({
      data: { user: { id: 'alice', emailNotifications: false } },
    });
    expect((await update(alice, { emailNotifications: true })).body).toEqual({
      data: { updateMe: { id: 'alice', emailNotifications: true } },
    });
  });

  it('is readable by an admin but FORBIDDEN to other users', async () => {
    await update(alice, { emailNotifications: false });
    expect((await read(admin, 'alice')).body).toEqual({
      data: { user: { id: 'alice', emailNotifications: false } },
    });
    const other = await read(bob, 'alice');
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.body.data).toEqual({ user: null });
  });

  it('does not change the preference on a name-only update', async () => {
    await update(bob, { emailNotifications: false });
    const renamed = await update(bob, { name: 'Bobby' });
    expect(renamed.body).toEqual({ data: { updateMe: { id: 'bob', emailNotifications: false } } });
  });
});
