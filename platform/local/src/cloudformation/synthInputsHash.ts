import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Folders that hold outputs or dependencies, never inputs of a synthesis.
const SKIPPED = new Set(['node_modules', 'dist', 'cdk.out', '.stack', 'test', 'coverage']);

/**
 * A hash of every file under `paths` (files or folders, recursively, outputs and tests
 * skipped) and of `extra`: equal hashes mean the synthesized stage would be the same.
 */
export function synthInputsHash(root: string, paths: readonly string[], extra = ''): string {
  const hash = createHash('sha256').update(extra);
  for (const file of paths.flatMap((path) => filesUnder(path)).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) return [];
    const child = join(path, entry.name);
    return entry.isDirectory() ? filesUnder(child) : [child];
  });
}
