import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes a folder to use as PATH that holds only `node` plus the given shell scripts, so a
 * test can show the CLI a machine where a tool is missing or old.
 */
export function fakeBin(scripts: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'stack-path-'));
  symlinkSync(process.execPath, join(dir, 'node'));
  for (const [name, body] of Object.entries(scripts)) {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}
