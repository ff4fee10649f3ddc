import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';
import { runTemplatesList, runTemplatesOutdated } from '../templates/runTemplates.js';

/** `stack templates list|outdated`: the service templates and the services behind them. */
export function registerTemplates(program: Command): void {
  const command = program.command('templates').description('service templates and their instances');
  const io = {
    out: (text: string) => process.stdout.write(text),
    err: (text: string) => process.stderr.write(text),
  };
  const root = (options: { root?: string }) =>
    options.root === undefined ? defaultRepoRoot() : resolve(options.root);
  command
    .command('list')
    .description('list every service template version and the services using it')
    .option('--root <dir>', 'repository root (default: the repository this CLI belongs to)')
    .action((options: { root?: string }) => {
      process.exitCode = runTemplatesList(root(options), io);
    });
  command
    .command('outdated')
    .description('list services pinned to an older major than the newest of their template')
    .option('--root <dir>', 'repository root (default: the repository this CLI belongs to)')
    .action((options: { root?: string }) => {
      process.exitCode = runTemplatesOutdated(root(options), io);
    });
}
