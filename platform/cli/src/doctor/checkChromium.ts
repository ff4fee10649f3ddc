import { findExecutable } from '../system/findExecutable.js';
import { runVersionCommand } from '../system/runVersionCommand.js';
import type { CheckResult } from './CheckResult.js';

const NEEDED_FOR = 'browser tests (Playwright smoke suite)';
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const INSTALL_FIX =
  "Install Debian's Chromium: `sudo apt-get install -y chromium`, or point CHROMIUM_PATH at a " +
  'Chromium/Chrome binary. Never `npx playwright install`: it downloads a browser build.';

/** Finds the Chromium used by Playwright: CHROMIUM_PATH first, then the usual names on PATH. */
export function locateChromium(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CHROMIUM_PATH) return findExecutable(env.CHROMIUM_PATH, env.PATH);
  for (const name of CANDIDATES) {
    const found = findExecutable(name, env.PATH);
    if (found) return found;
  }
  return undefined;
}

/** Checks that a Chromium binary is present and answers `--version`. */
export function checkChromium(env: NodeJS.ProcessEnv): CheckResult {
  const chromium = locateChromium(env);
  if (!chromium) {
    const detail = env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`
      : `none of ${CANDIDATES.join(', ')} found on PATH`;
    return { name: 'chromium', ok: false, detail, neededFor: NEEDED_FOR, fix: INSTALL_FIX };
  }
  const run = runVersionCommand(chromium, ['--version'], env);
  if ('error' in run) {
    return {
      name: 'chromium',
      ok: false,
      detail: `${chromium} --version failed: ${run.error}`,
      neededFor: NEEDED_FOR,
      fix: INSTALL_FIX,
    };
  }
  return {
    name: 'chromium',
    ok: true,
    detail: `${run.output.split('\n')[0] ?? ''} (${chromium})`,
    neededFor: NEEDED_FOR,
  };
}
