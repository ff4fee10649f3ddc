import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { E2E_ADMIN, E2E_USER } from '@stack/pipelines/e2eCredentials';
import { ADMIN_GROUP } from '@stack/kit';

/** One e2e user after `ensureE2eUsers`: whether it was created or already there. */
export interface EnsuredUser {
  readonly username: string;
  readonly created: boolean;
  readonly admin: boolean;
}

/**
 * The address of an e2e user: SES's mailbox simulator, which accepts every message without
 * delivering it or counting a bounce, so notifications of the suite's reviews reach nobody. The
 * `+label` keeps the two users' addresses (a sign-in alias, so unique) apart.
 */
export const e2eEmail = (username: string) => `success+${username}@simulator.amazonses.com`;

/**
 * Creates the web e2e suite's two users in a user pool, or resets them: `e2e-user` and
 * `e2e-admin` (in the admin group), both with `password` as their permanent password and a
 * verified simulator address, without sending an invitation. Safe to run again: existing users
 * keep their ids (their reviews stay theirs) and only get the new password.
 */
export async function ensureE2eUsers(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  password: string,
): Promise<EnsuredUser[]> {
  const ensured: EnsuredUser[] = [];
  for (const { username, admin } of [
    { username: E2E_USER, admin: false },
    { username: E2E_ADMIN, admin: true },
  ]) {
    const created = !(await userExists(cognito, userPoolId, username));
    if (created) {
      await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: e2eEmail(username) },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
    }
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
    if (admin) {
      await cognito.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: userPoolId,
          Username: username,
          GroupName: ADMIN_GROUP,
        }),
      );
    }
    ensured.push({ username, created, admin });
  }
  return ensured;
}

async function userExists(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  username: string,
): Promise<boolean> {
  try {
    await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
    return true;
  } catch (error) {
    if (error instanceof UserNotFoundException) return false;
    throw error;
  }
}
