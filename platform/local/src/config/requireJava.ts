import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** DynamoDB Local cannot start: no `java` on PATH. */
export class JavaMissingError extends Error {
  constructor(path: string | undefined) {
    super(
      [
        'java not found on PATH, so DynamoDB Local (the local table) cannot start; nothing was started.',
        `  PATH=${path ?? '(unset)'}`,
        '  Fix: install a Java runtime 17+ (`sudo apt-get install -y default-jre-headless` on',
        '  Debian/Ubuntu, `brew install openjdk@17` on macOS) or put an existing one on PATH;',
        '  `npx stack doctor` checks it.',
      ].join('\n'),
    );
    this.name = 'JavaMissingError';
  }
}

/** Throws JavaMissingError unless an executable `java` is on `env.PATH` (what DynamoDB Local runs). */
export function requireJava(env: NodeJS.ProcessEnv): void {
  const found = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      const file = join(dir, 'java');
      return existsSync(file) && statSync(file).isFile() && (statSync(file).mode & 0o111) !== 0;
    });
  if (!found) throw new JavaMissingError(env.PATH);
}
