import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import {
  handler,
  type RouterSecretParameterProperties,
} from '../functions/router-secret-parameter/handler.js';
import { startLocalSsmEndpoint, useSsmEndpoint } from './support/localSsmEndpoint.js';

const NAME = '/stack/integration/router/shared-secret';

/** The event the Provider framework hands the function for one lifecycle step. */
function event(
  request:
    | { RequestType: 'Create'; name?: string }
    | { RequestType: 'Update' | 'Delete'; name?: string; physicalId: string },
): CloudFormationCustomResourceEvent<RouterSecretParameterProperties> {
  const common = {
    ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:provider',
    ResponseURL: 'https://example.com/response',
    StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/Env/1',
    RequestId: 'request-1',
    LogicalResourceId: 'RouterSecretParameter',
    ResourceType: 'Custom::RouterSharedSecret',
    ResourceProperties: { ServiceToken: 'token', ParameterName: request.name ?? NAME },
  };
  if (request.RequestType === 'Create') return { ...common, RequestType: 'Create' };
  if (request.RequestType === 'Delete') {
    return { ...common, RequestType: 'Delete', PhysicalResourceId: request.physicalId };
  }
  return {
    ...common,
    RequestType: 'Update',
    PhysicalResourceId: request.physicalId,
    OldResourceProperties: { ParameterName: request.physicalId },
  };
}

// The function as deployed, against the real SSM client pointed at a local SSM endpoint.
describe('Custom resource function: router-secret-parameter', () => {
  let ssm: Awaited<ReturnType<typeof startLocalSsmEndpoint>>;
  let restoreEnv: () => void;
  beforeAll(async () => {
    ssm = await startLocalSsmEndpoint();
    restoreEnv = useSsmEndpoint(ssm.endpoint);
  });
  afterAll(async () => {
    restoreEnv();
    await ssm.close();
  });
  beforeEach(() => {
    ssm.parameters.clear();
    ssm.calls.length = 0;
  });

  it('creates a standard SecureString of 48 random bytes under the AWS managed key, and returns only its name', async () => {
    // Act
    const response = await handler(event({ RequestType: 'Create' }));

    // Assess
    const stored = ssm.parameters.get(NAME);
    expect(response).toEqual({ PhysicalResourceId: NAME });
    expect(stored).toEqual({ Value: expect.any(String), Type: 'SecureString', Tier: 'Standard' });
    expect(Buffer.from(stored?.Value ?? '', 'base64url')).toHaveLength(48);
    expect(stored?.Value).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(JSON.stringify(response)).not.toContain(stored?.Value);
    expect(ssm.calls[0]?.input).toMatchObject({ Overwrite: false });
  });

  it('generates a different secret for every environment', async () => {
    // Act
    await handler(event({ RequestType: 'Create', name: '/stack/a/router/shared-secret' }));
    await handler(event({ RequestType: 'Create', name: '/stack/b/router/shared-secret' }));

    // Assess
    const values = [...ssm.parameters.values()].map((parameter) => parameter.Value);
    expect(new Set(values).size).toBe(2);
  });

  it('keeps the secret across updates: no call to SSM at all', async () => {
    // Prepare
    await handler(event({ RequestType: 'Create' }));
    const before = ssm.parameters.get(NAME)?.Value;
    ssm.calls.length = 0;

    // Act
    const response = await handler(event({ RequestType: 'Update', physicalId: NAME }));

    // Assess
    expect(response).toEqual({ PhysicalResourceId: NAME });
    expect(ssm.parameters.get(NAME)?.Value).toBe(before);
    expect(ssm.calls).toEqual([]);
  });

  it('keeps a parameter that already exists, e.g. retained by an earlier stack of the stage', async () => {
    // Prepare
    ssm.parameters.set(NAME, { Value: 'k'.repeat(64), Type: 'SecureString' });

    // Act
    const response = await handler(event({ RequestType: 'Create' }));

    // Assess
    expect(response).toEqual({ PhysicalResourceId: NAME });
    expect(ssm.parameters.get(NAME)?.Value).toBe('k'.repeat(64));
  });

  it('creates the parameter under a new name on update, for CloudFormation to delete the old one', async () => {
    // Prepare
    const renamed = '/stack/renamed/router/shared-secret';

    // Act
    const response = await handler(
      event({ RequestType: 'Update', name: renamed, physicalId: NAME }),
    );

    // Assess
    expect(response).toEqual({ PhysicalResourceId: renamed });
    expect(ssm.parameters.get(renamed)?.Type).toBe('SecureString');
  });

  it('deletes the parameter, and succeeds when it is already gone', async () => {
    // Prepare
    await handler(event({ RequestType: 'Create' }));

    // Act
    const first = await handler(event({ RequestType: 'Delete', physicalId: NAME }));
    const again = await handler(event({ RequestType: 'Delete', physicalId: NAME }));

    // Assess
    expect([first, again]).toEqual([{ PhysicalResourceId: NAME }, { PhysicalResourceId: NAME }]);
    expect(ssm.parameters.has(NAME)).toBe(false);
  });
});
