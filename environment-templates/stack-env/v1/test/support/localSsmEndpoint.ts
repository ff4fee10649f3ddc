import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake endpoint received: the operation (`PutParameter`, ...) and its input. */
export interface SsmCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** A parameter as the fake endpoint stores it. */
export interface StoredParameter {
  readonly Value: string;
  readonly Type: string;
  readonly Tier?: string;
  readonly KeyId?: string;
}

/**
 * A loopback server speaking SSM's JSON protocol (`POST /`, `X-Amz-Target: AmazonSSM.<operation>`,
 * `application/x-amz-json-1.1`) for PutParameter, GetParameter and DeleteParameter, with SSM's
 * errors (`ParameterAlreadyExists` when Overwrite is false, `ParameterNotFound`), so the real
 * `SSMClient` can be pointed at it with `AWS_ENDPOINT_URL_SSM`. Records every call.
 */
export async function startLocalSsmEndpoint() {
  const parameters = new Map<string, StoredParameter>();
  const calls: SsmCall[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const operation = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSSM\./, '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      calls.push({ operation, input });
      const answer = (status: number, body: unknown) =>
        res
          .writeHead(status, { 'content-type': 'application/x-amz-json-1.1' })
          .end(JSON.stringify(body));
      const name = String(input.Name);
      const fail = (type: string) => answer(400, { __type: type, message: `${type}: ${name}` });
      const stored = parameters.get(name);
      switch (operation) {
        case 'PutParameter':
          if (stored && input.Overwrite !== true) return fail('ParameterAlreadyExists');
          parameters.set(name, {
            Value: String(input.Value),
            Type: typeof input.Type === 'string' ? input.Type : 'String',
            ...(typeof input.Tier === 'string' && { Tier: input.Tier }),
            ...(typeof input.KeyId === 'string' && { KeyId: input.KeyId }),
          });
          return answer(200, { Version: 1, Tier: input.Tier ?? 'Standard' });
        case 'GetParameter':
          if (!stored) return fail('ParameterNotFound');
          return answer(200, { Parameter: { Name: name, Type: stored.Type, Value: stored.Value } });
        case 'DeleteParameter':
          if (!parameters.delete(name)) return fail('ParameterNotFound');
          return answer(200, {});
        default:
          return answer(400, { __type: 'UnknownOperationException', message: operation });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    parameters,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Points the SDK at `endpoint` through process.env (with credentials that never reach AWS). */
export function useSsmEndpoint(endpoint: string): () => void {
  const values: Record<string, string> = {
    AWS_ENDPOINT_URL_SSM: endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
