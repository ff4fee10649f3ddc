/**
 * A `run:` script from its lines, ending in a newline so it renders as a `|` literal block.
 * Scripts read untrusted values from environment variables ("$NAME"), never from `${{ }}`.
 */
export function script(...lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
