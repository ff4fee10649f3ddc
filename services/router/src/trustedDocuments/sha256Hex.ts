import { createHash } from 'node:crypto';

/** The sha256 of a document's text as lowercase hex: its persisted-query hash. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
