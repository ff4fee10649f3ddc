import { join } from 'node:path';

/** Where `stack build` puts the bundles by default: `<repo>/dist/lambda` (dist/ is gitignored). */
export function defaultLambdaOutDir(repoRoot: string): string {
  return join(repoRoot, 'dist', 'lambda');
}
