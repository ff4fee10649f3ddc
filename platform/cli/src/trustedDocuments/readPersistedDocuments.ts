import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One app's persisted documents, checked: sha256 hex → document text. */
export interface PersistedDocuments {
  /** The manifest's path, relative to the repository root. */
  readonly file: string;
  /** Present when the file exists. */
  readonly documents?: ReadonlyMap<string, string>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Reads one app's `persisted-documents.json` (an object of sha256 hex → document text) and
 * verifies every hash is the sha256 of its text. Throws naming the file and the hash otherwise.
 * A missing file is not an error (the app's codegen may not have run); `documents` is absent.
 */
export function readPersistedDocuments(repoRoot: string, file: string): PersistedDocuments {
  const path = join(repoRoot, file);
  if (!existsSync(path)) return { file };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${(error as Error).message}); regenerate it with the app's codegen (npm run codegen -w <app>)`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} must be a JSON object of sha256 hex → document text`);
  }
  const documents = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (!SHA256_HEX.test(hash) || typeof text !== 'string') {
      throw new Error(
        `${file}: entry "${hash}" must map a lowercase sha256 hex hash to the document text`,
      );
    }
    const actual = createHash('sha256').update(text, 'utf8').digest('hex');
    if (actual !== hash) {
      throw new Error(
        `${file}: hash ${hash} is not the sha256 of its document (that is ${actual}); the file was edited by hand or by another tool: regenerate it with the app's codegen`,
      );
    }
    documents.set(hash, text);
  }
  return { file, documents };
}
