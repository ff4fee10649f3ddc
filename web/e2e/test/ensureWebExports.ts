import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const nextCli = createRequire(import.meta.url).resolve('next/dist/bin/next');

// The newest modification time among an app's sources (what `next build` reads), the shared
// web/ui workspace's included.
function newestSource(appDir: string): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const name of ['src', 'next.config.ts', 'package.json']) {
    if (existsSync(join(appDir, name))) visit(join(appDir, name));
  }
  const shared = join(appDir, '..', 'ui');
  for (const name of ['src', 'package.json']) {
    if (existsSync(join(shared, name))) visit(join(shared, name));
  }
  return newest;
}

/** True when `out/` is missing or older than a source file. */
export function exportIsStale(appDir: string): boolean {
  const marker = join(appDir, 'out', 'index.html');
  return !existsSync(marker) || statSync(marker).mtimeMs < newestSource(appDir);
}

function nextBuild(appDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextCli, 'build'], {
      cwd: appDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build in ${appDir} failed:\n${output}`)),
    );
  });
}

/** Builds the static exports that are missing or stale; returns the apps it built. */
export async function ensureWebExports(appDirs: readonly string[]): Promise<string[]> {
  const stale = appDirs.filter(exportIsStale);
  // One at a time: two parallel builds on a 2-core machine are no faster and use twice the memory.
  for (const appDir of stale) await nextBuild(appDir);
  return stale;
}
