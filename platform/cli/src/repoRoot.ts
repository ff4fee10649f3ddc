import { fileURLToPath } from 'node:url';

/** The repository this CLI lives in (platform/cli/src → three levels up). */
export function defaultRepoRoot(): string {
  return fileURLToPath(new URL('../../..', import.meta.url));
}
