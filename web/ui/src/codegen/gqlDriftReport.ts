import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GqlCodegen } from './createGqlCodegen';
import { persistedDocumentHash } from './persistedDocumentHash';

/** How the committed src/gql/ of an app differs from what its codegen generates now. */
export interface GqlDriftReport {
  /** Generated files that are missing or have other text. */
  readonly drifted: readonly string[];
  /** Committed files that codegen no longer generates. */
  readonly extra: readonly string[];
  /** Persisted-document keys that are not the sha256 of their text (what the router checks). */
  readonly wrongHashes: readonly string[];
  readonly fix: string;
}

/** The report of an app whose src/gql/ is up to date. */
export const NO_GQL_DRIFT: GqlDriftReport = {
  drifted: [],
  extra: [],
  wrongHashes: [],
  fix: 'none',
};

/**
 * Compares the committed src/gql/ with a fresh generation, so a test fails on a stale copy: it
 * would ship types and persisted-document hashes that the router does not know.
 */
export async function gqlDriftReport(codegen: GqlCodegen): Promise<GqlDriftReport> {
  const { appDir, gqlDir } = codegen;
  const generated = await codegen.generate();
  const committed = existsSync(join(appDir, gqlDir))
    ? readdirSync(join(appDir, gqlDir))
        .map((name) => join(gqlDir, name))
        .sort()
    : [];
  const drifted = generated
    .filter(
      (file) =>
        !existsSync(join(appDir, file.path)) ||
        readFileSync(join(appDir, file.path), 'utf8') !== file.content,
    )
    .map((file) => file.path);
  const extra = committed.filter((path) => !generated.some((file) => file.path === path));
  const manifestPath = join(appDir, gqlDir, 'persisted-documents.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>)
    : {};
  const wrongHashes = Object.entries(manifest)
    .filter(([hash, text]) => persistedDocumentHash(text) !== hash)
    .map(([hash]) => hash);
  const stale = drifted.length + extra.length + wrongHashes.length > 0;
  return {
    drifted,
    extra,
    wrongHashes,
    fix: stale ? `${gqlDir} is stale: run npm run codegen and commit the result` : 'none',
  };
}
