// GitHub numbers pull requests from 1; nine digits keep the stage name `pr-<n>` far below the
// 40 characters a stage name may have and stay an exact integer.
const PULL_REQUEST_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * The pull request number `value` names (`12`), read from `source` (`--pr`, `PREVIEW_PR`).
 * Throws, naming the source and the value, unless it is a positive whole number.
 */
export function parsePullRequestNumber(value: string | undefined, source: string): number {
  if (value === undefined || value.trim() === '') {
    throw new Error(
      `no pull request number: pass --pr <number> or set PREVIEW_PR (e.g. --pr 12 for pull request #12)`,
    );
  }
  const text = value.trim();
  if (!PULL_REQUEST_NUMBER.test(text)) {
    throw new Error(
      `${source} must be a pull request number, a whole number from 1 (e.g. 12), got ${JSON.stringify(value)}`,
    );
  }
  return Number(text);
}

/** Throws unless `value` is a pull request number (a positive safe integer). */
export function checkPullRequestNumber(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || !PULL_REQUEST_NUMBER.test(String(value))) {
    throw new Error(
      `the pull request number must be a whole number from 1 (e.g. 12), got ${String(value)}`,
    );
  }
  return value;
}
