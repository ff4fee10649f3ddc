import {
  DeleteParameterCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { randomBytes } from 'node:crypto';

/** The custom resource's properties, as `RouterSecret` sets them. */
export interface RouterSecretParameterProperties {
  /** Name of the SSM SecureString parameter to keep the secret in. */
  readonly ParameterName: string;
}

/** What the Provider framework passes back to CloudFormation: the physical id, nothing else. */
export interface RouterSecretParameterResponse {
  readonly PhysicalResourceId: string;
}

// 48 random bytes are 384 bits, and exactly 64 base64url characters (no padding): nothing a
// shell, an environment variable or a URL could mangle.
const SECRET_BYTES = 48;

let client: SSMClient | undefined;

/**
 * The `onEvent` handler of `RouterSecret`'s custom resource (Provider framework), run by
 * CloudFormation at deploy time only. Create generates the secret and stores it as a standard
 * SecureString under the AWS managed key `alias/aws/ssm` (both free); an existing parameter is
 * kept, so a retained environment re-created under the same stage keeps its key. Update keeps
 * the parameter (a new name creates that one; CloudFormation then deletes the old one). Delete
 * removes it (with `retainData`, CloudFormation's Retain policy means Delete never arrives).
 *
 * The value never leaves this function: the response holds the parameter's name only, so it
 * is not in CloudFormation's events, outputs or `Fn::GetAtt`, nor in the logs.
 */
export async function handler(
  event: CloudFormationCustomResourceEvent<RouterSecretParameterProperties>,
): Promise<RouterSecretParameterResponse> {
  const name = event.ResourceProperties.ParameterName;
  switch (event.RequestType) {
    case 'Create':
      await create(name);
      return { PhysicalResourceId: name };
    case 'Update':
      if (event.PhysicalResourceId !== name) await create(name);
      return { PhysicalResourceId: name };
    case 'Delete':
      await remove(event.PhysicalResourceId);
      return { PhysicalResourceId: event.PhysicalResourceId };
  }
}

async function create(name: string): Promise<void> {
  try {
    await ssm().send(
      new PutParameterCommand({
        Name: name,
        Description: 'Router-to-subgraph identity signing key (HMAC-SHA256), stack-env@1',
        Value: randomBytes(SECRET_BYTES).toString('base64url'),
        Type: 'SecureString',
        Tier: 'Standard',
        // Never replace a key the router and the subgraphs may be using.
        Overwrite: false,
      }),
    );
    console.log(`created ${name}`);
  } catch (error) {
    if (!(error instanceof ParameterAlreadyExists)) throw error;
    console.log(`kept the existing ${name}`);
  }
}

async function remove(name: string): Promise<void> {
  try {
    await ssm().send(new DeleteParameterCommand({ Name: name }));
    console.log(`deleted ${name}`);
  } catch (error) {
    if (!(error instanceof ParameterNotFound)) throw error;
    console.log(`${name} was already gone`);
  }
}

/** The SSM client, created on first use (region and endpoint from the SDK's standard settings). */
function ssm(): SSMClient {
  client ??= new SSMClient({});
  return client;
}
