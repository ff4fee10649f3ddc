import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';

interface TrustedDocumentsCommandOptions {
  check?: boolean;
  root?: string;
}

/** `stack trusted-documents`: merges the web apps' persisted documents into the router's manifest. */
export function registerTrustedDocuments(program: Command): void {
  program
    .command('trusted-documents')
    .description(
      "merge web/*/src/gql/persisted-documents.json into the router's trusted documents (services/router/src/__generated__/trustedDocuments.ts)",
    )
    .option('--check', 'fail (exit 1) if the committed file is stale or missing; write nothing')
    .option('--root <dir>', 'repository root (default: the repository this CLI belongs to)')
    .action(async (options: TrustedDocumentsCommandOptions) => {
      const { runTrustedDocuments } = await import('../trustedDocuments/runTrustedDocuments.js');
      process.exitCode = runTrustedDocuments(
        {
          repoRoot: options.root === undefined ? defaultRepoRoot() : resolve(options.root),
          check: options.check === true,
        },
        {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        },
      );
    });
}
