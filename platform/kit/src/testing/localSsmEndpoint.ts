import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GetParameter call the fake endpoint received. */
export interface GetParameterCall {
  readonly Name: string;
  readonly WithDecryption?: boolean;
}

/** An error the fake endpoint answers with, as SSM would: HTTP status and `__type`. */
export interface SsmFailure {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

/**
 * A loopback server speaking SSM's JSON protocol for `GetParameter` (`POST /`, header
 * `X-Amz-Target: AmazonSSM.GetParameter`, `application/x-amz-json-1.1`), so the real `SSMClient`
 * can be pointed at it with `AWS_ENDPOINT_URL_SSM`. It serves SecureString parameters from
 * `parameters`, records every call, and answers `failure` instead while one is set.
 */
export async function startLocalSsmEndpoint(parameters: Record<string, string>) {
  const calls: GetParameterCall[] = [];
  const state: { failure: SsmFailure | undefined } = { failure: undefined };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = (status: number, body: unknown) =>
        res
          .writeHead(status, { 'content-type': 'application/x-amz-json-1.1' })
          .end(JSON.stringify(body));
      if (req.headers['x-amz-target'] !== 'AmazonSSM.GetParameter') {
        answer(400, { __type: 'UnknownOperationException', message: 'not faked' });
        return;
      }
      const call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GetParameterCall;
      calls.push(call);
      const { failure } = state;
      const value = parameters[call.Name];
      if (failure) {
        answer(failure.status, { __type: failure.type, message: failure.message });
      } else if (value === undefined) {
        answer(400, { __type: 'ParameterNotFound', message: `${call.Name} not found` });
      } else {
        answer(200, {
          Parameter: {
            Name: call.Name,
            Type: 'SecureString',
            // SSM returns the ciphertext unless asked to decrypt.
            Value: call.WithDecryption ? value : 'AQICAHh-ciphertext',
            Version: 1,
            DataType: 'text',
          },
        });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    /** Answer every call with this error until cleared with undefined. */
    failWith(failure: SsmFailure | undefined) {
      state.failure = failure;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An SSM endpoint's settings for the SDK, with credentials that never reach AWS. */
export function ssmEnvironment(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_SSM: endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
}

/** Sets variables on process.env (where the SDK reads them) and returns how to undo it. */
export function setProcessEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
