import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { e2ePasswordSecret } from '@stack/pipelines/e2eCredentials';
import { ENVIRONMENT_PARAMETERS } from '@stack/stack-env-v1/environmentParameters';
import { ensureE2eUsers } from './ensureE2eUsers.js';
import { generatePassword } from './generatePassword.js';

/** Where output goes. */
export interface E2eUsersOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The AWS clients the command uses; tests pass clients whose calls are mocked. */
export interface E2eUsersClients {
  readonly ssm: SSMClient;
  readonly cognito: CognitoIdentityProviderClient;
}

const STAGE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * `stack e2e-users --env <stage>`: finds the stage's user pool (its SSM parameter
 * `/stack/<stage>/auth/user-pool-id`), creates or resets the e2e suite's two users with a new
 * random password, and prints the password once with the command that stores it as the
 * repository secret the deploy workflow reads. Returns the exit code; nothing is written when
 * the stage name is invalid or its user pool cannot be found.
 */
export async function runE2eUsers(
  environment: string,
  output: E2eUsersOutput,
  clients: E2eUsersClients = {
    ssm: new SSMClient({}),
    cognito: new CognitoIdentityProviderClient({}),
  },
): Promise<number> {
  if (!STAGE_NAME.test(environment)) {
    output.err(
      `stack e2e-users: --env ${JSON.stringify(environment)} is not a stage name (lower-case letters, digits and hyphens, starting with a letter, as in pipelines/environments/<name>.yaml)\n`,
    );
    return 2;
  }
  const parameter = ENVIRONMENT_PARAMETERS(environment).userPoolId;
  let userPoolId: string | undefined;
  try {
    const found = await clients.ssm.send(new GetParameterCommand({ Name: parameter }));
    userPoolId = found.Parameter?.Value;
  } catch (error) {
    if (!(error instanceof ParameterNotFound)) throw error;
  }
  if (!userPoolId) {
    output.err(
      `stack e2e-users: ${environment} has no user pool: the SSM parameter ${parameter} does not exist in this account and region. Deploy the environment first, and use the AWS credentials and region of its account (AWS_PROFILE, AWS_REGION).\n`,
    );
    return 1;
  }
  const password = generatePassword();
  const users = await ensureE2eUsers(clients.cognito, userPoolId, password);
  for (const user of users) {
    const what = user.created ? 'created' : 'password reset';
    output.out(`${user.username.padEnd(10)} ${what}${user.admin ? ', in the admin group' : ''}\n`);
  }
  const secret = e2ePasswordSecret(environment);
  output.out(
    [
      '',
      `Their password (shown once): ${password}`,
      `Store it as the repository secret the deploy workflow's e2e step reads:`,
      `  gh secret set ${secret} --body '${password}'`,
      '',
    ].join('\n'),
  );
  return 0;
}
