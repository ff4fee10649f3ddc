import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildApiSchema } from './buildApiSchema.js';
import { composeSupergraph, type CompositionHintSummary } from './composeSupergraph.js';
import { countSchemaTypes } from './countSchemaTypes.js';
import { discoverSubgraphs } from './discoverSubgraphs.js';
import { formatSchemaChanges } from './formatSchemaChanges.js';
import { renderSchemaModules, type GeneratedFile } from './renderSchemaModules.js';
import { renderSupergraphFile } from './renderSupergraphFile.js';
import { reportSchemaChanges } from './reportSchemaChanges.js';
import { summarizeLineDiff } from './summarizeLineDiff.js';
import { SUPERGRAPH_PATH } from './supergraphPath.js';

/** What `stack compose` was asked to do. */
export interface ComposeOptions {
  repoRoot: string;
  /** Compose in memory and compare with the committed file; write nothing. */
  check: boolean;
  /** Write (or pass --check) even when the API schema has breaking changes. */
  allowBreaking: boolean;
  /** Supergraph to compare the API schema against instead of the committed one (cwd-relative). */
  base: string | undefined;
}

/** Where `stack compose` prints: results to `out`, warnings and failures to `err`. */
export interface ComposeOutput {
  out(text: string): void;
  err(text: string): void;
}

const MAX_HINTS_SHOWN = 3;
const STALE_FIX = 'run npx stack compose and commit the result';

/** Runs `stack compose`; resolves to 0 done, 1 stale or missing (--check), 2 breaking changes refused. */
export async function runCompose(options: ComposeOptions, io: ComposeOutput): Promise<number> {
  const subgraphs = discoverSubgraphs(options.repoRoot);
  const names = subgraphs.map((subgraph) => subgraph.name);
  const { supergraphSdl, hints } = composeSupergraph(subgraphs);
  if (hints.length > 0) io.err(formatHints(hints));
  const next = renderSupergraphFile(names, supergraphSdl);

  const target = join(options.repoRoot, SUPERGRAPH_PATH);
  // Read before anything is written: it is the previous supergraph the API is compared with.
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  const baseline =
    options.base === undefined
      ? committed === undefined
        ? undefined
        : { sdl: committed, origin: SUPERGRAPH_PATH }
      : { sdl: readBase(options.base), origin: options.base };

  let breaking = 0;
  if (baseline) {
    const report = await reportSchemaChanges(baseline.sdl, next, {
      previous: baseline.origin,
      next: 'the new supergraph',
    });
    io.out(formatSchemaChanges(report, baseline.origin));
    breaking = report.BREAKING.length;
  } else {
    io.out(`API schema: no previous supergraph at ${SUPERGRAPH_PATH}, so no change report\n`);
  }

  const upToDate = committed !== undefined && normalizeNewlines(committed) === next;
  const staleModules = renderSchemaModules(subgraphs, next).filter(
    (file) => !isCurrent(options.repoRoot, file),
  );
  if (options.check) {
    if (committed === undefined) {
      io.err(`${SUPERGRAPH_PATH} is missing: ${STALE_FIX}\n`);
      return 1;
    }
    if (!upToDate) {
      io.err(summarizeLineDiff(normalizeNewlines(committed), next));
      io.err(`${SUPERGRAPH_PATH} is out of date with services/*/schema.graphql: ${STALE_FIX}\n`);
      return 1;
    }
    if (staleModules.length > 0) {
      io.err(`${staleModules.map((file) => file.path).join(', ')} out of date: ${STALE_FIX}\n`);
      return 1;
    }
    if (breaking > 0 && !options.allowBreaking) {
      io.err(`${breaking} breaking change(s) against ${baseline?.origin}; ${BREAKING_FIX}\n`);
      return 2;
    }
    io.out('supergraph is up to date\n');
    return 0;
  }

  if (breaking > 0) {
    if (!options.allowBreaking) {
      io.err(
        `${breaking} breaking change(s) against ${baseline?.origin}; nothing written. ${BREAKING_FIX}\n`,
      );
      return 2;
    }
    io.err(`warning: writing despite ${breaking} breaking change(s) (--allow-breaking)\n`);
  }
  if (!upToDate) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, next);
  }
  for (const file of staleModules) {
    const path = join(options.repoRoot, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    io.out(`wrote ${file.path}\n`);
  }
  const types = countSchemaTypes(buildApiSchema(supergraphSdl, 'the new supergraph'));
  io.out(
    `supergraph: ${types} types, subgraphs: ${names.join(', ')} → ${SUPERGRAPH_PATH} (${upToDate ? 'unchanged' : 'written'})\n`,
  );
  return 0;
}

const BREAKING_FIX =
  'keep the old fields (mark them @deprecated first) or, once no client uses them, rerun with --allow-breaking';

function readBase(base: string): string {
  const path = resolve(base);
  if (!existsSync(path)) {
    throw new Error(
      `--base ${base}: no such file (looked at ${path}); pass a supergraph written by npx stack compose, e.g. from git show main:${SUPERGRAPH_PATH}`,
    );
  }
  return readFileSync(path, 'utf8');
}

function isCurrent(repoRoot: string, file: GeneratedFile): boolean {
  const path = join(repoRoot, file.path);
  return existsSync(path) && normalizeNewlines(readFileSync(path, 'utf8')) === file.content;
}

// A checkout with CRLF line endings holds the same supergraph; it must not read as stale.
function normalizeNewlines(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

function formatHints(hints: readonly CompositionHintSummary[]): string {
  const lines = [`warning: composition produced ${hints.length} hint(s):`];
  for (const hint of hints.slice(0, MAX_HINTS_SHOWN))
    lines.push(`  - ${hint.code}: ${hint.message}`);
  if (hints.length > MAX_HINTS_SHOWN) lines.push(`  … and ${hints.length - MAX_HINTS_SHOWN} more`);
  return `${lines.join('\n')}\n`;
}
