import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaFunction } from './LambdaFunction.js';

/** Finds every `services/<name>/src/handler.ts` under the repo root, sorted by name. */
export function discoverFunctions(repoRoot: string): LambdaFunction[] {
  const servicesDir = join(repoRoot, 'services');
  if (!existsSync(servicesDir)) {
    throw new Error(`no services/ folder in ${repoRoot}: run stack build inside the repository`);
  }
  // Sorted so the table and build-report.json do not depend on the file system's listing order.
  const functions = readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, entry: `services/${entry.name}/src/handler.ts` }))
    .filter((fn) => existsSync(join(repoRoot, fn.entry)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (functions.length === 0) {
    throw new Error(
      `no Lambda handler in ${servicesDir}: add services/<name>/src/handler.ts exporting \`handler\``,
    );
  }
  return functions;
}
