import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./serveLocalApi.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What the server reports of its memory, in bytes. */
export interface ServerMemory {
  readonly rss: number;
  readonly heapUsed: number;
}

/** The local API running in a child process of its own, whose memory a test can sample. */
export class LocalApiProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** The GraphQL endpoint. */
    readonly url: string,
  ) {}

  /** Forks the server (TypeScript through tsx) over `tableName` and waits for its URL. */
  static async start(tableName: string, env: NodeJS.ProcessEnv): Promise<LocalApiProcess> {
    const child = fork(SCRIPT, [tableName], {
      cwd: REPO_ROOT,
      env,
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the local API did not start in 120 s')),
        120_000,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the local API exited with code ${String(code)} before it was ready`));
      });
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve((message as { url: string }).url);
      });
    });
    return new LocalApiProcess(child, url);
  }

  /** The server process's resident set size and used heap, in bytes, after a full GC. */
  memory(): Promise<ServerMemory> {
    return new Promise((resolve) => {
      this.child.once('message', (message) => resolve(message as ServerMemory));
      this.child.send('memory');
    });
  }

  /** Asks the server to close and waits for its exit (killing it after 10 s). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send('stop');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
