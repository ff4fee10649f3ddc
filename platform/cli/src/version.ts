import { readFileSync } from 'node:fs';

/** The version of The Stack, read from the CLI's package.json. */
export function cliVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version?: unknown };
  if (typeof manifest.version !== 'string') {
    throw new Error('platform/cli/package.json has no "version" string');
  }
  return manifest.version;
}
