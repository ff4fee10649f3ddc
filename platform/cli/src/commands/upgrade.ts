import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';

/** `stack upgrade <service> --to <major>`: moves a service to a newer major of its template. */
export function registerUpgrade(program: Command): void {
  program
    .command('upgrade <service>')
    .description(
      "move a service to a newer major of its template, running the template's migrations",
    )
    .requiredOption('--to <major>', 'the major version to upgrade to', (value) => Number(value))
    .option('--root <dir>', 'repository root (default: the repository this CLI belongs to)')
    .action(async (service: string, options: { to: number; root?: string }) => {
      const { runUpgrade } = await import('../templates/runUpgrade.js');
      process.exitCode = await runUpgrade(
        {
          repoRoot: options.root === undefined ? defaultRepoRoot() : resolve(options.root),
          service,
          to: options.to,
        },
        {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        },
      );
    });
}
