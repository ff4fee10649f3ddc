import type { CheckResult } from './CheckResult.js';

/** The oldest Node.js the repo supports (root package.json `engines`; eslint 10 needs 20.19). */
export const MIN_NODE_VERSION = '20.19.0';

/** Checks that a Node.js version string (e.g. `20.20.2`) is at least {@link MIN_NODE_VERSION}. */
export function checkNode(version: string): CheckResult {
  const ok = compareVersions(version, MIN_NODE_VERSION) >= 0;
  return {
    name: 'node',
    ok,
    detail: ok ? `Node.js ${version}` : `Node.js ${version} is older than ${MIN_NODE_VERSION}`,
    neededFor: 'everything',
    ...(ok
      ? {}
      : { fix: `Install Node.js ${MIN_NODE_VERSION} or newer (e.g. \`nvm install 20\`).` }),
  };
}

/** Compares dotted numeric versions; returns <0, 0 or >0 like a sort comparator. */
export function compareVersions(a: string, b: string): number {
  const left = a.replace(/^v/, '').split('.').map(Number);
  const right = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
