import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Fails unless `cdkOut` holds a synthesized app newer than every spec in `specsDir`: pricing a
 * stale or missing assembly would price something other than what the specs say.
 */
export function checkSynthFresh(cdkOut: string, specsDir: string): void {
  const manifest = join(cdkOut, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `no synthesized app in ${display(cdkOut)} (no manifest.json): run npm run synth first`,
    );
  }
  const synthesizedAt = statSync(manifest).mtimeMs;
  const newer = existsSync(specsDir)
    ? readdirSync(specsDir)
        .filter((file) => file.endsWith('.yaml'))
        .map((file) => join(specsDir, file))
        .filter((file) => statSync(file).mtimeMs > synthesizedAt)
    : [];
  if (newer.length > 0) {
    throw new Error(
      `${display(cdkOut)} is older than ${newer.map(display).join(', ')} (changed after the last synth): run npm run synth first`,
    );
  }
}

function display(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === '' || fromCwd.startsWith('..') ? path : fromCwd;
}
