import { spawn } from 'node:child_process';
import type { Cleanup } from '../infra/Cleanup.js';

/** How a finished command ended. */
export interface CommandOutcome {
  /** null when it was killed (timeout). */
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion (no shell), capturing its output, and kills its whole process
 * group when it outlives `timeoutMs`, so a hung child cannot keep the bench running. It runs in
 * a group of its own, which a terminal's Ctrl-C does not reach: pass `cleanup` so the bench's
 * own shutdown kills it.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv; cleanup?: Cleanup },
): Promise<CommandOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const forget = options.cleanup?.add(`${command} ${args.join(' ')}`, () =>
      killGroup(child.pid, 'SIGKILL'),
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      void forget?.();
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      void forget?.();
      resolve({ code, timedOut, durationMs: performance.now() - started, stdout, stderr });
    });
  });
}

/** Signals every process of the group led by `pid` (a child spawned with `detached`). */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** True while any process of the group led by `pid` is alive. */
export function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The last `lines` lines of a command's output, for error messages. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
