import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';

interface CostCommandOptions {
  env?: string;
  json?: boolean;
  cdkOut?: string;
  specs?: string;
}

/** `stack cost`: what each synthesized environment costs idle and per million requests. */
export function registerCost(program: Command): void {
  program
    .command('cost')
    .description(
      'price the synthesized environments (pipelines/cdk.out): fixed monthly cost at zero traffic and the price of a million API requests',
    )
    .option('--env <name>', 'only this environment (a spec name, e.g. integration)')
    .option('--json', 'print the report as JSON')
    .option('--cdk-out <dir>', 'the synthesized app to read (default: pipelines/cdk.out)')
    .option(
      '--specs <dir>',
      'the specs it came from, to detect a stale synth (default: pipelines/environments)',
    )
    .action(async (options: CostCommandOptions) => {
      // Loaded on use, like every command's work.
      const { runCost } = await import('../cost/runCost.js');
      const repoRoot = defaultRepoRoot();
      process.stdout.write(
        runCost({
          cdkOut: resolve(options.cdkOut ?? join(repoRoot, 'pipelines', 'cdk.out')),
          specsDir: resolve(options.specs ?? join(repoRoot, 'pipelines', 'environments')),
          environment: options.env,
          json: options.json === true,
        }),
      );
    });
}
