/** A short unified-style summary of where two texts differ: the first differing lines only. */
export function summarizeLineDiff(previous: string, next: string, maxLines = 8): string {
  const before = previous.split('\n');
  const after = next.split('\n');
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  // Trim the common tail too, so an inserted line shows as one `+` instead of a cascade.
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const removed = before.slice(start, endBefore);
  const added = after.slice(start, endAfter);
  const lines = [`@@ line ${start + 1} @@`];
  const show = (prefix: string, chunk: string[]) => {
    for (const line of chunk.slice(0, maxLines)) lines.push(`${prefix} ${line}`);
    if (chunk.length > maxLines) lines.push(`${prefix} … ${chunk.length - maxLines} more line(s)`);
  };
  show('-', removed);
  show('+', added);
  return `${lines.join('\n')}\n`;
}
