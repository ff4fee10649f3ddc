import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

let client: SSMClient | undefined;

/**
 * Reads an SSM SecureString, decrypted. Named static imports let the bundler keep only
 * GetParameter of the SSM client (76 KB; a dynamic `import()` of the package kept 170 KB). The
 * client is created on the first read and takes region, credentials and endpoint from the SDK's
 * standard settings (`AWS_REGION`, `AWS_ENDPOINT_URL_SSM`, ...).
 */
export async function readSecureParameter(name: string): Promise<string | undefined> {
  client ??= new SSMClient({});
  const output = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return output.Parameter?.Value;
}
