import { SESv2Client } from '@aws-sdk/client-sesv2';
import sesModule from 'aws-ses-v2-local';
import type { AddressInfo } from 'node:net';

type StartSesServer = typeof sesModule.default;
// CommonJS with `exports.default`: Node's ESM loader gives the exports object, a transpiler with
// interop may give the function itself; accept both.
const startSesServer: StartSesServer =
  typeof sesModule === 'function' ? sesModule : sesModule.default;

/** One stored email of aws-ses-v2-local (`GET /store`). */
export interface StoredEmail {
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly html?: string; readonly text?: string };
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
}

/** aws-ses-v2-local on a free loopback port, with a client and its store. */
export async function startSesEmulator() {
  const server = await startSesServer({ host: '127.0.0.1', port: 0 });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ses = new SESv2Client({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    ses,
    async emails(): Promise<StoredEmail[]> {
      return ((await (await fetch(`${endpoint}/store`)).json()) as { emails: StoredEmail[] })
        .emails;
    },
    async clear(): Promise<void> {
      await fetch(`${endpoint}/clear-store`, { method: 'POST' });
    },
    async stop(): Promise<void> {
      ses.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
