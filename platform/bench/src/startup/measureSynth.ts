import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cleanup } from '../infra/Cleanup.js';
import { runCommand, tail } from '../process/runCommand.js';

/** How `npm run synth` went: its time, or why there is none. */
export type SynthOutcome =
  | { readonly kind: 'measured'; readonly ms: number }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed'; readonly reason: string };

/** Times `npm run synth` in a child process, if the root package.json has that script. */
export async function measureSynth(
  repoRoot: string,
  timeoutMs: number,
  cleanup?: Cleanup,
): Promise<SynthOutcome> {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  if (!manifest.scripts?.synth) return { kind: 'unavailable' };
  const outcome = await runCommand('npm', ['run', 'synth'], { cwd: repoRoot, timeoutMs, cleanup });
  if (outcome.timedOut) return { kind: 'failed', reason: `timed out after ${timeoutMs} ms` };
  if (outcome.code !== 0) {
    return {
      kind: 'failed',
      reason: `exit ${outcome.code}: ${tail(outcome.stderr || outcome.stdout, 5)}`,
    };
  }
  return { kind: 'measured', ms: outcome.durationMs };
}
