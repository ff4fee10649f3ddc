import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readPersistedDocuments } from './readPersistedDocuments.js';
import { renderTrustedDocumentsFile } from './renderTrustedDocumentsFile.js';
import {
  PERSISTED_DOCUMENT_FILES,
  TRUSTED_DOCUMENTS_COMMAND,
  TRUSTED_DOCUMENTS_PATH,
} from './trustedDocumentsPaths.js';

/** What `stack trusted-documents` was asked to do. */
export interface TrustedDocumentsOptions {
  readonly repoRoot: string;
  /** Compare with the committed file and write nothing. */
  readonly check: boolean;
}

/** Where it prints: results to `out`, warnings and failures to `err`. */
export interface TrustedDocumentsOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Runs `stack trusted-documents`: merges the web apps' persisted documents into the router's
 * manifest. Resolves to 0 done (or up to date with --check), 1 when --check finds the committed
 * file stale or missing, 2 when a manifest is invalid (nothing is written then).
 */
export function runTrustedDocuments(
  options: TrustedDocumentsOptions,
  io: TrustedDocumentsOutput,
): number {
  const merged = new Map<string, string>();
  try {
    for (const file of PERSISTED_DOCUMENT_FILES) {
      const { documents } = readPersistedDocuments(options.repoRoot, file);
      if (!documents) {
        io.err(
          `warning: ${file} does not exist (the app's codegen has not run); its operations are not trusted documents\n`,
        );
        continue;
      }
      for (const [hash, text] of documents) merged.set(hash, text);
    }
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }

  const next = renderTrustedDocumentsFile(PERSISTED_DOCUMENT_FILES, merged);
  const target = join(options.repoRoot, TRUSTED_DOCUMENTS_PATH);
  const committed = existsSync(target)
    ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n')
    : undefined;
  if (options.check) {
    if (committed === next) {
      io.out(`${TRUSTED_DOCUMENTS_PATH} is up to date (${merged.size} documents)\n`);
      return 0;
    }
    io.err(
      `${TRUSTED_DOCUMENTS_PATH} is ${committed === undefined ? 'missing' : 'out of date with the web apps’ persisted documents'}: run ${TRUSTED_DOCUMENTS_COMMAND} and commit the result\n`,
    );
    return 1;
  }
  if (committed !== next) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, next);
  }
  io.out(
    `${TRUSTED_DOCUMENTS_PATH}: ${merged.size} trusted documents${committed === next ? ' (unchanged)' : ''}\n`,
  );
  return 0;
}
