import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const script = fileURLToPath(new URL('../../src/synth.ts', import.meta.url));

/** CDK context that skips esbuild bundling of Lambda assets: tests need templates, not bundles. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** Runs the real `npm run synth` entry (tsx pipelines/src/synth.ts) in a child process. */
export function runSynthScript(
  args: readonly string[],
  context: Record<string, unknown> = SKIP_BUNDLING,
) {
  const result = spawnSync(process.execPath, [tsx, script, ...args], {
    // The CDK reads extra context from CDK_CONTEXT_JSON, as when the CDK CLI runs an app.
    env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context) },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
