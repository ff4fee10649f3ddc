import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when a local stage started from this repository is answering (its `.stack/dev.json`
 * names an API that responds): the start-up bench then stays away from `.stack/`.
 */
export async function isStageRunning(repoRoot: string): Promise<boolean> {
  let api: unknown;
  try {
    api = (
      JSON.parse(readFileSync(join(repoRoot, '.stack', 'dev.json'), 'utf8')) as { api?: unknown }
    ).api;
  } catch {
    return false;
  }
  if (typeof api !== 'string') return false;
  try {
    await fetch(api, { method: 'OPTIONS', signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}
