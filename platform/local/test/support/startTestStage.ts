import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LOCAL_PORTS,
  startLocalStage,
  type LocalStage,
  type LocalStageOptions,
} from '../../src/index.js';

/** How a test starts the local stage; the root, ports and environment are the helper's. */
export interface TestStageOptions extends Omit<LocalStageOptions, 'root' | 'env'> {
  /** Prefix of the temporary state folder's name, to tell the tests' folders apart. */
  readonly name?: string;
}

/** A local stage started for a test, on free ports and a temporary state folder. */
export interface TestStage {
  /** The running stage (a new one after `restart`). */
  readonly stage: LocalStage;
  /** The temporary folder whose `.stack/` holds the stage's state. */
  readonly root: string;
  /** The environment it was started with: the process's, with a free `STACK_PORT_<NAME>` each. */
  readonly env: NodeJS.ProcessEnv;
  /** Stops the stage and starts it again on the same root and ports (data survives). */
  restart(): Promise<LocalStage>;
  /** Stops the stage, gives the process its environment back and deletes the root. */
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the whole local stage as `npm start` does, but on free ports (a fixed port per part,
 * so clients keep working across `restart`) and in a temporary root, so tests run beside a
 * developer's `npm start` and each other. The stage points the process's SDK clients at its
 * emulators (`AWS_ENDPOINT_URL_*`); `stop` restores the environment for the next test file.
 * A start that fails cleans up the same way before rethrowing.
 */
export async function startTestStage(options: TestStageOptions = {}): Promise<TestStage> {
  const { name = 'stack-test-stage', ...stageOptions } = options;
  const saved = { ...process.env };
  const root = mkdtempSync(join(tmpdir(), `${name}-`));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const port of Object.keys(LOCAL_PORTS))
    env[`STACK_PORT_${port.toUpperCase()}`] = String(await freePort());
  const start = () => startLocalStage({ ...stageOptions, root, env });
  const cleanUp = () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(root, { recursive: true, force: true });
  };
  let stage: LocalStage;
  try {
    stage = await start();
  } catch (error) {
    cleanUp();
    throw error;
  }
  return {
    get stage() {
      return stage;
    },
    root,
    env,
    async restart() {
      await stage.stop();
      stage = await start();
      return stage;
    },
    async stop() {
      try {
        await stage.stop();
      } finally {
        cleanUp();
      }
    },
  };
}
