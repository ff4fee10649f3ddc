import type { FormattedExecutionResult } from 'graphql';

/**
 * A GraphQL result as a response body: `errors` first (so a reader sees them before a large
 * `data`), and a trailing newline for readable curl output, as Apollo Server wrote it.
 */
export function serializeResult(result: FormattedExecutionResult): string {
  return `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}
