import { freePort } from '@stack/local';
import { spawn } from 'node:child_process';
import { postGraphQL } from '../graphql/postGraphQL.js';
import { REFERENCE_QUERY } from '../graphql/listQuery.js';
import type { Cleanup } from '../infra/Cleanup.js';
import { BENCH_AWS_VARIABLES } from '../infra/startBenchDynamoDb.js';
import { isListening } from '../process/isListening.js';
import { groupAlive, killGroup, tail } from '../process/runCommand.js';

/** One `stack dev` start, measured from spawn to the first correct answer. */
export interface DevStart {
  readonly firstAnswerMs: number;
  /**
   * What `stack dev` itself reports ("ready in 5.8 s"): from its command starting to the stage
   * being up, so without npx, tsx and module loading. undefined if it printed none.
   */
  readonly reportedReadyMs: number | undefined;
  /** From SIGINT to the process's exit. */
  readonly stopMs: number;
  /** True when, after it exited, DynamoDB Local or another child was still running. */
  readonly leftChildren: boolean;
}

const POLL_INTERVAL_MS = 100;

/**
 * Spawns `npx stack dev` (what `npm start` runs) on free ports, polls its API with the
 * reference query until it answers, then stops it with SIGINT to its process group, as Ctrl-C
 * in a terminal does, and checks that its DynamoDB Local went with it. Anything still running
 * is killed and reported.
 */
export async function measureDevStart(options: {
  repoRoot: string;
  reset: boolean;
  cleanup: Cleanup;
  timeoutMs: number;
}): Promise<DevStart> {
  const ports = { api: await freePort(), auth: await freePort(), dynamodb: await freePort() };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STACK_PORT_API: String(ports.api),
    STACK_PORT_AUTH: String(ports.auth),
    STACK_PORT_DYNAMODB: String(ports.dynamodb),
  };
  // The bench's own DynamoDB Local must not leak into the stage, which starts its own.
  for (const name of BENCH_AWS_VARIABLES) delete env[name];
  const started = performance.now();
  const child = spawn('npx', ['stack', 'dev', ...(options.reset ? ['--reset'] : [])], {
    cwd: options.repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the bench can find (and, if need be, kill) every descendant.
    detached: true,
  });
  const forget = options.cleanup.add('stack dev', () => killGroup(child.pid, 'SIGKILL'));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  try {
    const firstAnswerMs = await firstAnswer(
      `http://127.0.0.1:${ports.api}/graphql`,
      started,
      options.timeoutMs,
      () => exitCode !== undefined,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nstack dev printed:\n${tail(output)}`);
    });
    const stopping = performance.now();
    // As Ctrl-C does: the whole group gets SIGINT (`npm exec` does not forward it to stack).
    killGroup(child.pid, 'SIGINT');
    const stoppedInTime = await Promise.race([
      exited.then(() => true),
      sleep(20_000).then(() => false),
    ]);
    const stopMs = performance.now() - stopping;
    const leftChildren = !stoppedInTime || !(await settled(child.pid, ports.dynamodb, 10_000));
    const ready = /ready in (\d+(?:\.\d+)?) s/.exec(output);
    const reportedReadyMs = ready?.[1] ? Number(ready[1]) * 1000 : undefined;
    return { firstAnswerMs, reportedReadyMs, stopMs, leftChildren };
  } finally {
    killGroup(child.pid, 'SIGKILL');
    await forget();
  }
}

async function firstAnswer(
  url: string,
  started: number,
  timeoutMs: number,
  hasExited: () => boolean,
): Promise<number> {
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (hasExited()) throw new Error('stack dev exited before its API answered');
    try {
      const answer = await postGraphQL(url, REFERENCE_QUERY, { timeoutMs: 2_000 });
      if (answer.status === 200 && !answer.body.errors && answer.body.data?.products) {
        return performance.now() - started;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`stack dev did not answer the reference query within ${timeoutMs} ms`);
}

/** Waits until the process group is empty and DynamoDB Local's port is closed. */
async function settled(pid: number | undefined, dynamoDbPort: number, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (!groupAlive(pid) && !(await isListening(dynamoDbPort))) return true;
    await sleep(POLL_INTERVAL_MS);
  }
  return false;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
