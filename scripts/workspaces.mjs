// Lists the npm workspaces of the repo (the globs in package.json "workspaces"), so the
// jest projects and checks follow the folders instead of a hand-kept list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** @returns {{ dir: string, name: string }[]} workspace folders (relative to the root) and package names */
export function listWorkspaces(root = repoRoot) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = manifest.workspaces.flatMap((pattern) => expand(root, pattern.split('/')));
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({
      dir: relative(root, dir),
      name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name,
    }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

function expand(base, segments) {
  if (segments.length === 0) return [base];
  const [head, ...rest] = segments;
  if (!head.includes('*')) {
    const next = join(base, head);
    return existsSync(next) ? expand(next, rest) : [];
  }
  const pattern = new RegExp(
    `^${head.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
  );
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && pattern.test(entry.name))
    .flatMap((entry) => expand(join(base, entry.name), rest));
}
