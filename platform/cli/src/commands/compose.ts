import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';

interface ComposeCommandOptions {
  check?: boolean;
  allowBreaking?: boolean;
  base?: string;
  root?: string;
}

/** `stack compose`: composes the subgraph schemas into the router's supergraph at build time. */
export function registerCompose(program: Command): void {
  program
    .command('compose')
    .description(
      'compose services/*/schema.graphql into services/router/supergraph.graphql and report API changes',
    )
    .option(
      '--check',
      'fail (exit 1) if the committed supergraph is stale or missing; write nothing',
    )
    .option('--allow-breaking', 'write (or pass --check) despite breaking API changes')
    .option('--base <file>', 'compare the API with this supergraph instead of the committed one')
    .option('--root <dir>', 'repository root (default: the repository this CLI belongs to)')
    .action(async (options: ComposeCommandOptions) => {
      // Loaded on use: composition pulls in Apollo Federation, which `stack --help` does not need.
      const { runCompose } = await import('../compose/runCompose.js');
      process.exitCode = await runCompose(
        {
          repoRoot: options.root === undefined ? defaultRepoRoot() : resolve(options.root),
          check: options.check === true,
          allowBreaking: options.allowBreaking === true,
          base: options.base,
        },
        {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        },
      );
    });
}
