// Cognito and SSM have no local emulator here, so their SDK clients are mocked
// (aws-sdk-client-mock); what is checked is which calls the command makes, in which order, and
// what it refuses before making any.
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { runE2eUsers } from '../../src/e2eUsers/runE2eUsers.js';
import { generatePassword } from '../../src/e2eUsers/generatePassword.js';

const ssm = mockClient(SSMClient);
const cognito = mockClient(CognitoIdentityProviderClient);
const clients = { ssm: new SSMClient({}), cognito: new CognitoIdentityProviderClient({}) };

function capture() {
  const output = { out: '', err: '' };
  return {
    output,
    io: {
      out: (text: string) => (output.out += text),
      err: (text: string) => (output.err += text),
    },
  };
}

const notFound = () =>
  new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });

describe('stack e2e-users', () => {
  beforeEach(() => {
    ssm.reset();
    cognito.reset();
    ssm
      .on(GetParameterCommand, { Name: '/stack/integration/auth/user-pool-id' })
      .resolves({ Parameter: { Value: 'eu-west-1_Pool123' } });
  });

  it('creates both users in the stage pool, sets one permanent password, puts only e2e-admin in admin', async () => {
    // Prepare
    cognito.on(AdminGetUserCommand).rejects(notFound());
    const { output, io } = capture();

    // Act
    const code = await runE2eUsers('integration', io, clients);

    // Assess
    expect(code).toBe(0);
    const created = cognito.commandCalls(AdminCreateUserCommand).map((call) => call.args[0].input);
    expect(created).toEqual([
      expect.objectContaining({
        UserPoolId: 'eu-west-1_Pool123',
        Username: 'e2e-user',
        MessageAction: 'SUPPRESS',
      }),
      expect.objectContaining({
        UserPoolId: 'eu-west-1_Pool123',
        Username: 'e2e-admin',
        MessageAction: 'SUPPRESS',
      }),
    ]);
    expect(created[0]?.UserAttributes).toContainEqual({
      Name: 'email',
      Value: 'success+e2e-user@simulator.amazonses.com',
    });
    const passwords = cognito
      .commandCalls(AdminSetUserPasswordCommand)
      .map((call) => call.args[0].input);
    expect(passwords.map((input) => [input.Username, input.Permanent])).toEqual([
      ['e2e-user', true],
      ['e2e-admin', true],
    ]);
    expect(passwords[0]?.Password).toBe(passwords[1]?.Password);
    const groups = cognito
      .commandCalls(AdminAddUserToGroupCommand)
      .map((call) => call.args[0].input);
    expect(groups).toEqual([
      { UserPoolId: 'eu-west-1_Pool123', Username: 'e2e-admin', GroupName: 'admin' },
    ]);
    expect(output.out).toContain(
      `gh secret set E2E_PASSWORD_INTEGRATION --body '${passwords[0]?.Password}'`,
    );
    expect(output.out).toMatch(/e2e-user\s+created\n/);
  });

  it('resets the password of users that exist, without creating them again', async () => {
    // Prepare
    cognito.on(AdminGetUserCommand).resolves({ Username: 'existing' });
    const { output, io } = capture();

    // Act
    const code = await runE2eUsers('integration', io, clients);

    // Assess
    expect(code).toBe(0);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)).toHaveLength(2);
    expect(output.out).toMatch(/e2e-admin\s+password reset, in the admin group\n/);
  });

  it('refuses an invalid stage name before calling AWS', async () => {
    const { output, io } = capture();

    const code = await runE2eUsers('Integration!', io, clients);

    expect(code).toBe(2);
    expect(output.err).toContain('--env "Integration!" is not a stage name');
    expect(ssm.calls()).toHaveLength(0);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('says the stage is not deployed here, and writes nothing, when its pool parameter is missing', async () => {
    ssm
      .on(GetParameterCommand, { Name: '/stack/staging/auth/user-pool-id' })
      .rejects(new ParameterNotFound({ message: 'not found', $metadata: {} }));
    const { output, io } = capture();

    const code = await runE2eUsers('staging', io, clients);

    expect(code).toBe(1);
    expect(output.err).toContain(
      'the SSM parameter /stack/staging/auth/user-pool-id does not exist',
    );
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('generatePassword', () => {
  it('meets the user pool policy: 12+ characters with all four classes, and differs each time', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    for (const password of passwords) {
      expect(password).toHaveLength(24);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('refuses a length the policy would reject', () => {
    expect(() => generatePassword(8)).toThrow('needs 12 characters or more, got 8');
  });
});
