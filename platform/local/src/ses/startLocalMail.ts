import type { AddressInfo } from 'node:net';
import sesModule from 'aws-ses-v2-local';

type StartSesServer = typeof sesModule.default;
// CommonJS with `exports.default`: Node's ESM loader gives the exports object, a transpiler with
// interop may give the function itself; accept both.
const startSesServer: StartSesServer =
  typeof sesModule === 'function' ? sesModule : sesModule.default;

/** The SES v2 emulator of the local stage: SendEmail endpoint, mail store and web viewer. */
export interface LocalMail {
  /** The SES endpoint (what AWS_ENDPOINT_URL_SESV2 is set to). */
  readonly endpoint: string;
  /** The web viewer of every email sent (a live inbox). */
  readonly viewerUrl: string;
  /** JSON of every stored email (`GET /store`, `?since=<epoch seconds>`). */
  readonly storeUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** One email as the emulator stores it (the fields the local cloud and its tests read). */
export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly html?: string; readonly text?: string };
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  readonly at: number;
}

/**
 * Starts aws-ses-v2-local on `port` (0 = any free port) on the loopback interface. Its store is
 * in memory: mail sent before a restart is gone after it, which is what a dev inbox wants.
 */
export async function startLocalMail(options: { port: number }): Promise<LocalMail> {
  const server = await startSesServer({ host: '127.0.0.1', port: options.port });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    viewerUrl: `http://localhost:${port}/`,
    storeUrl: `${endpoint}/store`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every email the emulator at `endpoint` holds, oldest first. */
export async function readMailStore(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`GET ${endpoint}/store answered ${response.status}`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails;
}

/** Empties the emulator's store (tests start from an empty inbox). */
export async function clearMailStore(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${endpoint}/clear-store answered ${response.status}`);
}
