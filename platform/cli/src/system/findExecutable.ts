import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Finds an executable by name on a PATH string (or checks an absolute path); undefined if absent. */
export function findExecutable(name: string, pathVariable: string | undefined): string | undefined {
  const candidates = isAbsolute(name)
    ? [name]
    : (pathVariable ?? '')
        .split(delimiter)
        .filter((dir) => dir.length > 0)
        .map((dir) => join(dir, name));
  return candidates.find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
