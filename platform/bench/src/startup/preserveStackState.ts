import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Copies the repository's `.stack/` (the developer's local data and tokens) aside, because the
 * start-up bench runs `stack dev --reset`, which wipes it. The returned function puts it back
 * exactly (or removes the bench's `.stack/` when there was none).
 */
export function preserveStackState(repoRoot: string): () => void {
  const state = join(repoRoot, '.stack');
  const hadState = existsSync(state);
  const backup = mkdtempSync(join(tmpdir(), 'stack-bench-state-'));
  if (hadState) cpSync(state, join(backup, '.stack'), { recursive: true });
  return () => {
    rmSync(state, { recursive: true, force: true });
    if (hadState) cpSync(join(backup, '.stack'), state, { recursive: true });
    rmSync(backup, { recursive: true, force: true });
  };
}
