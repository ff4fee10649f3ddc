import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';

interface NewServiceCommandOptions {
  template: string;
  owner?: string;
  entity?: string;
  root?: string;
}

/** `stack new service <name>`: a new service instance from a service template. */
export function registerNew(program: Command): void {
  const command = program.command('new').description('create something new from a template');
  command
    .command('service <name>')
    .description(
      'render a service template into services/<name>/, recompose the supergraph (templates with a GraphQL schema), print the next steps',
    )
    .requiredOption(
      '--template <name>',
      'service template, e.g. graphql-subgraph or event-worker (or graphql-subgraph@1)',
    )
    .option('--owner <team>', 'owning team (default team-<name>)')
    .option(
      '--entity <Name>',
      'main GraphQL type, for templates with a schema (default the name in PascalCase)',
    )
    .option('--root <dir>', 'repository root (default: the repository this CLI belongs to)')
    .action(async (name: string, options: NewServiceCommandOptions) => {
      // Loaded on use: composition pulls in Apollo Federation.
      const { runNewService } = await import('../new/runNewService.js');
      process.exitCode = await runNewService(
        {
          repoRoot: options.root === undefined ? defaultRepoRoot() : resolve(options.root),
          name,
          template: options.template,
          ...(options.owner !== undefined && { owner: options.owner }),
          ...(options.entity !== undefined && { entity: options.entity }),
        },
        {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        },
      );
    });
}
