import { createHash } from 'node:crypto';

/** The persisted-document hash of a document's text: bare sha256 hex, as Apollo sends it. */
export function persistedDocumentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
