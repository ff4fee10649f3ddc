import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EnvironmentError, readEnvironment } from '../../src/config/readEnvironment.js';
import { routerSecret } from '../../src/config/routerSecret.js';
import {
  ROUTER_SECRET_ENVIRONMENT,
  ROUTER_SECRET_RULE,
} from '../../src/config/routerSecretEnvironment.js';
import { setProcessEnv, ssmEnvironment, startLocalSsmEndpoint } from '../../src/testing/index.js';

const PARAMETER = '/stack/test/router/shared-secret';
const STORED = 'k'.repeat(64);
const DIRECT = 'd'.repeat(32);

/** What readEnvironment makes of the router secret's variables, or the problems it lists. */
function read(env: NodeJS.ProcessEnv) {
  return readEnvironment(ROUTER_SECRET_ENVIRONMENT, env, [ROUTER_SECRET_RULE]);
}

function problemsOf(act: () => unknown): readonly string[] {
  try {
    act();
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('Function: routerSecret', () => {
  let ssm: Awaited<ReturnType<typeof startLocalSsmEndpoint>>;
  let restoreEnv: () => void;
  beforeAll(async () => {
    ssm = await startLocalSsmEndpoint({ [PARAMETER]: STORED, '/stack/test/short': 'short' });
    restoreEnv = setProcessEnv(ssmEnvironment(ssm.endpoint));
  });
  afterAll(async () => {
    restoreEnv();
    await ssm.close();
  });

  it('returns ROUTER_SHARED_SECRET as given, without asking SSM', async () => {
    // Prepare
    const callsBefore = ssm.calls.length;
    const secret = routerSecret(read({ ROUTER_SHARED_SECRET: DIRECT }));

    // Act
    const value = await secret();

    // Assess
    expect(value).toBe(DIRECT);
    expect(ssm.calls.length).toBe(callsBefore);
  });

  it('reads the parameter with decryption once, however many calls ask, even at the same time', async () => {
    // Prepare
    const callsBefore = ssm.calls.length;
    const secret = routerSecret(read({ ROUTER_SHARED_SECRET_PARAMETER: PARAMETER }));

    // Act
    const first = await Promise.all([secret(), secret(), secret()]);
    const later = await secret();

    // Assess
    expect([...first, later]).toEqual([STORED, STORED, STORED, STORED]);
    expect(ssm.calls.slice(callsBefore)).toEqual([{ Name: PARAMETER, WithDecryption: true }]);
  });

  it('does not call SSM before the first call: a cold start alone costs nothing', () => {
    // Prepare
    const callsBefore = ssm.calls.length;

    // Act
    routerSecret(read({ ROUTER_SHARED_SECRET_PARAMETER: PARAMETER }));

    // Assess
    expect(ssm.calls.length).toBe(callsBefore);
  });

  it('rejects while SSM refuses, naming the parameter, and succeeds once it answers again', async () => {
    // Prepare
    const callsBefore = ssm.calls.length;
    const secret = routerSecret(read({ ROUTER_SHARED_SECRET_PARAMETER: PARAMETER }));
    ssm.failWith({ status: 400, type: 'AccessDeniedException', message: 'not allowed' });

    // Act
    const failed = secret();
    await failed.catch(() => undefined);
    ssm.failWith(undefined);
    const recovered = await secret();

    // Assess: the failure was not kept; the second call asked again and got the value.
    await expect(failed).rejects.toThrow(
      `Cannot read the router's shared secret from SSM parameter ${PARAMETER}: not allowed`,
    );
    expect(recovered).toBe(STORED);
    expect(ssm.calls.length - callsBefore).toBe(2);
  });

  it('refuses a parameter whose value is too short to sign with', async () => {
    // Prepare
    const secret = routerSecret(read({ ROUTER_SHARED_SECRET_PARAMETER: '/stack/test/short' }));

    // Act + Assess
    await expect(secret()).rejects.toThrow('its value must be at least 32 characters');
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['neither variable is set', {}, 'none is set'],
    [
      'both variables are set',
      { ROUTER_SHARED_SECRET: DIRECT, ROUTER_SHARED_SECRET_PARAMETER: PARAMETER },
      'ROUTER_SHARED_SECRET and ROUTER_SHARED_SECRET_PARAMETER are set',
    ],
  ])('refuses an environment where %s, naming both variables', (_case, env, found) => {
    // Act
    const fromReadEnvironment = problemsOf(() => read(env));
    const fromRouterSecret = problemsOf(() =>
      routerSecret({
        ROUTER_SHARED_SECRET: env.ROUTER_SHARED_SECRET,
        ROUTER_SHARED_SECRET_PARAMETER: env.ROUTER_SHARED_SECRET_PARAMETER,
      }),
    );

    // Assess
    const problem = `set exactly one of ROUTER_SHARED_SECRET or ROUTER_SHARED_SECRET_PARAMETER (the router's shared secret, or the SSM parameter holding it); ${found}`;
    expect(fromReadEnvironment).toEqual([problem]);
    expect(fromRouterSecret).toEqual([problem]);
  });

  it('refuses a parameter name SSM would not accept', () => {
    expect(problemsOf(() => read({ ROUTER_SHARED_SECRET_PARAMETER: 'no spaces please' }))).toEqual([
      'ROUTER_SHARED_SECRET_PARAMETER="no spaces please": is not an SSM parameter name (letters, digits, _ . - and / only) (name of the SSM SecureString parameter holding that secret (cloud stages))',
    ]);
  });
});
