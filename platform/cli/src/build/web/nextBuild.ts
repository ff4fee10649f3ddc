import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** What `next build` printed and how it ended. */
export interface NextBuildResult {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs `next build` (a static export) in an app folder. Telemetry is off so the build needs no
 * network; the output is collected and shown only when the build fails.
 */
export function nextBuild(appDir: string): Promise<NextBuildResult> {
  return new Promise((resolve, reject) => {
    const nextCli = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
    const child = spawn(process.execPath, [nextCli, 'build'], {
      cwd: appDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
