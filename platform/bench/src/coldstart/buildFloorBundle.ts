import { ESM_REQUIRE_BANNER } from '@stack/stack-env-v1/esmRequireBanner';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Cleanup } from '../infra/Cleanup.js';
import { runCommand, tail } from '../process/runCommand.js';
import type { BundleSizes } from './BundleReport.js';

/** The smallest Lambda handler there is: the floor every cold start is compared with. */
const HELLO_SOURCE = "export const handler = async () => ({ statusCode: 200, body: 'ok' });\n";

/**
 * Bundles a hello-world handler with the repository's esbuild and the settings of
 * platform/cli/src/build/bundleFunction.ts, into `<workDir>/hello/index.mjs`.
 */
export async function buildFloorBundle(
  repoRoot: string,
  workDir: string,
  target: string,
  cleanup?: Cleanup,
): Promise<BundleSizes> {
  const entry = join(workDir, 'hello.ts');
  const outfile = join(workDir, 'hello', 'index.mjs');
  mkdirSync(join(workDir, 'hello'), { recursive: true });
  writeFileSync(entry, HELLO_SOURCE);
  const outcome = await runCommand(
    'npx',
    [
      '--no-install',
      'esbuild',
      entry,
      `--outfile=${outfile}`,
      '--bundle',
      '--platform=node',
      `--target=${target}`,
      '--format=esm',
      '--minify',
      '--sourcemap=linked',
      '--main-fields=module,main',
      `--banner:js=${ESM_REQUIRE_BANNER}`,
      '--legal-comments=none',
      '--define:process.env.NODE_ENV="production"',
      '--log-level=error',
    ],
    { cwd: repoRoot, timeoutMs: 60_000, cleanup },
  );
  if (outcome.code !== 0) {
    throw new Error(`esbuild could not bundle the hello-world handler:\n${tail(outcome.stderr)}`);
  }
  const code = readFileSync(outfile);
  return {
    name: 'hello (floor)',
    bundle: 'hello/index.mjs',
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
  };
}
