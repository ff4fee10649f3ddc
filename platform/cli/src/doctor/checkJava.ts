import { findExecutable } from '../system/findExecutable.js';
import { runVersionCommand } from '../system/runVersionCommand.js';
import type { CheckResult } from './CheckResult.js';

/** DynamoDB Local 2.x and 3.x run on Java 17 or newer. */
export const MIN_JAVA_MAJOR = 17;

const NEEDED_FOR = 'DynamoDB Local (npm start, integration tests)';
const INSTALL_FIX =
  'Install a Java runtime 17+: `sudo apt-get install -y default-jre-headless` (Debian/Ubuntu), ' +
  '`brew install openjdk@17` (macOS), or set JAVA_HOME/PATH to an existing one.';

/** Checks that `java` is on PATH and new enough for DynamoDB Local. */
export function checkJava(env: NodeJS.ProcessEnv): CheckResult {
  const java = findExecutable('java', env.PATH);
  if (!java) {
    return {
      name: 'java',
      ok: false,
      detail: 'java not found on PATH',
      neededFor: NEEDED_FOR,
      fix: INSTALL_FIX,
    };
  }
  const run = runVersionCommand(java, ['-version'], env);
  if ('error' in run) {
    return {
      name: 'java',
      ok: false,
      detail: `${java} -version failed: ${run.error}`,
      neededFor: NEEDED_FOR,
      fix: INSTALL_FIX,
    };
  }
  const major = parseJavaMajor(run.output);
  if (major === undefined) {
    return {
      name: 'java',
      ok: false,
      detail: `cannot read a version from: ${run.output.split('\n')[0] ?? ''}`,
      neededFor: NEEDED_FOR,
      fix: INSTALL_FIX,
    };
  }
  if (major < MIN_JAVA_MAJOR) {
    return {
      name: 'java',
      ok: false,
      detail: `Java ${major} at ${java} is older than ${MIN_JAVA_MAJOR}`,
      neededFor: NEEDED_FOR,
      fix: INSTALL_FIX,
    };
  }
  return { name: 'java', ok: true, detail: `Java ${major} (${java})`, neededFor: NEEDED_FOR };
}

/** Reads the major version from `java -version` output (`"17.0.15"` → 17, `"1.8.0_301"` → 8). */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}
