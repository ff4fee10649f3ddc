import { spawnSync } from 'node:child_process';

/** Runs `<executable> <args>` and returns its combined output, or an error message if it failed. */
export function runVersionCommand(
  executable: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { output: string } | { error: string } {
  const result = spawnSync(executable, [...args], { env, encoding: 'utf8', timeout: 15_000 });
  if (result.error) return { error: result.error.message };
  if (result.status !== 0) {
    return {
      error: `exited with ${String(result.status ?? result.signal)}: ${result.stderr.trim()}`,
    };
  }
  return { output: `${result.stdout}\n${result.stderr}`.trim() };
}
