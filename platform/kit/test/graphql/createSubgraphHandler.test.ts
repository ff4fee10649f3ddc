import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals';
import { EnvironmentError } from '../../src/config/readEnvironment.js';
import { createSubgraph, type BaseContext } from '../../src/graphql/createSubgraph.js';
import {
  createSubgraphHandler,
  type SubgraphConfig,
} from '../../src/graphql/createSubgraphHandler.js';
import { signIdentity } from '../../src/identity/routerSignature.js';
import { serviceLogger } from '../../src/observability/logger.js';
import { setProcessEnv, ssmEnvironment, startLocalSsmEndpoint } from '../../src/testing/index.js';

const PARAMETER = '/stack/test/router/shared-secret';
const SECRET = 'p'.repeat(64);
const alice = { userId: 'alice', groups: [], anonymous: false };

/** A subgraph factory that answers `{ table }` with the table name it was built with. */
function buildProbe(config: SubgraphConfig) {
  return createSubgraph<BaseContext>({
    name: 'probe',
    typeDefs:
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { table: String }',
    resolvers: { Query: { table: () => config.tableName } },
    createContext: (base) => base,
  });
}

/** The router's direct invocation of `{ table }`, signed with `secret`. */
function invocation(secret: string) {
  return {
    kind: 'stack.subgraph-request' as const,
    request: { query: '{ table }' },
    ...signIdentity(alice, secret),
  };
}

describe('Function: createSubgraphHandler', () => {
  let ssm: Awaited<ReturnType<typeof startLocalSsmEndpoint>>;
  let restoreEnv: () => void;
  let written: string[];
  beforeAll(async () => {
    ssm = await startLocalSsmEndpoint({ [PARAMETER]: SECRET });
    restoreEnv = setProcessEnv(ssmEnvironment(ssm.endpoint));
    // The suite runs with POWERTOOLS_LOG_LEVEL=SILENT; the failure's log is part of the contract.
    serviceLogger('probe').setLogLevel('ERROR');
  });
  afterAll(async () => {
    serviceLogger('probe').setLogLevel('SILENT');
    restoreEnv();
    await ssm.close();
  });
  beforeEach(() => {
    written = [];
    // Powertools writes INFO to stdout and ERROR to stderr: keep both, out of the test report.
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('verifies the router with the secret given in ROUTER_SHARED_SECRET', async () => {
    // Prepare
    const handler = createSubgraphHandler(buildProbe, {
      TABLE_NAME: 'stack-test',
      ROUTER_SHARED_SECRET: SECRET,
    });

    // Act
    const result = await handler(invocation(SECRET));

    // Assess
    expect(result).toEqual({ data: { table: 'stack-test' } });
  });

  it('reads ROUTER_SHARED_SECRET_PARAMETER from SSM once across invocations', async () => {
    // Prepare
    const callsBefore = ssm.calls.length;
    const handler = createSubgraphHandler(buildProbe, {
      TABLE_NAME: 'stack-test',
      ROUTER_SHARED_SECRET_PARAMETER: PARAMETER,
    });
    const callsAtColdStart = ssm.calls.length - callsBefore;

    // Act
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await handler(invocation(SECRET)));
    const forged = await handler(invocation('f'.repeat(64)));

    // Assess
    expect(callsAtColdStart).toBe(0);
    expect(results).toEqual(Array(3).fill({ data: { table: 'stack-test' } }));
    expect(forged).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(ssm.calls.slice(callsBefore)).toEqual([{ Name: PARAMETER, WithDecryption: true }]);
  });

  it('fails an invocation SSM cannot serve, logs why, and serves the next one', async () => {
    // Prepare
    const callsBefore = ssm.calls.length;
    const handler = createSubgraphHandler(buildProbe, {
      TABLE_NAME: 'stack-test',
      ROUTER_SHARED_SECRET_PARAMETER: PARAMETER,
    });
    ssm.failWith({ status: 400, type: 'AccessDeniedException', message: 'no ssm:GetParameter' });

    // Act
    const failed = await handler(invocation(SECRET), { awsRequestId: 'req-1' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    ssm.failWith(undefined);
    const next = await handler(invocation(SECRET), { awsRequestId: 'req-2' });
    const after = await handler(invocation(SECRET), { awsRequestId: 'req-3' });

    // Assess
    expect(String(failed)).toContain(`SSM parameter ${PARAMETER}: no ssm:GetParameter`);
    const logged = written
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.level === 'ERROR');
    expect(logged).toMatchObject({
      message: 'No router secret to verify the caller with; failing this invocation',
      requestId: 'req-1',
      error: { message: expect.stringContaining(PARAMETER) },
    });
    expect([next, after]).toEqual([
      { data: { table: 'stack-test' } },
      { data: { table: 'stack-test' } },
    ]);
    expect(ssm.calls.length - callsBefore).toBe(2);
  });

  it.each([
    ['neither secret variable', {}, 'none is set'],
    [
      'both secret variables',
      { ROUTER_SHARED_SECRET: SECRET, ROUTER_SHARED_SECRET_PARAMETER: PARAMETER },
      'ROUTER_SHARED_SECRET and ROUTER_SHARED_SECRET_PARAMETER are set',
    ],
  ])('refuses a cold start with %s, naming both', (_case, secretVariables, found) => {
    // Act
    let error: unknown;
    try {
      createSubgraphHandler(buildProbe, { TABLE_NAME: 'stack-test', ...secretVariables });
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).problems).toEqual([
      `set exactly one of ROUTER_SHARED_SECRET or ROUTER_SHARED_SECRET_PARAMETER (the router's shared secret, or the SSM parameter holding it); ${found}`,
    ]);
  });
});
