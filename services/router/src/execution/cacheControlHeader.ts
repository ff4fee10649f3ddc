import type { CachePolicy } from './CachePolicy.js';

/**
 * The Cache-Control value of a pipeline response, as Apollo Server's cache-control plugin sets
 * it: `max-age=N, public|private` for a cacheable result without errors, `no-store` otherwise,
 * and an existing header (set by an error) left alone.
 */
export function cacheControlHeader(
  existing: string | undefined,
  policy: CachePolicy,
  hasErrors: boolean,
): string {
  if (existing) return existing;
  const cacheable = policy.policyIfCacheable();
  return cacheable && !hasErrors
    ? `max-age=${cacheable.maxAge}, ${cacheable.scope.toLowerCase()}`
    : 'no-store';
}
