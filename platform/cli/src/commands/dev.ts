import type { Command } from 'commander';
import { defaultRepoRoot } from '../repoRoot.js';
import { formatDevSummary } from '../dev/formatDevSummary.js';

/** `stack dev` (what `npm start` runs): the whole local stage on this machine, offline. */
export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('run the local stage offline: DynamoDB Local, dev token issuer, API at :4000')
    .option('--topology <topology>', 'how the router reaches subgraphs: http or colocated', 'http')
    .option('--reset', 'wipe .stack/ (local data and tokens) before starting')
    .action(async (options: { topology: string; reset?: boolean }) => {
      if (options.topology !== 'http' && options.topology !== 'colocated') {
        throw new Error(`--topology ${options.topology}: use http or colocated`);
      }
      // Loaded on use: the local stage imports every service, which other commands do not need.
      const { startLocalStage } = await import('@stack/local');
      const started = Date.now();
      let last = started;
      const stage = await startLocalStage({
        root: defaultRepoRoot(),
        topology: options.topology,
        reset: options.reset ?? false,
        onStep: (step) => {
          const now = Date.now();
          process.stdout.write(`  … ${step} (+${now - last} ms)\n`);
          last = now;
        },
      });
      process.stdout.write(formatDevSummary(stage.manifest, Date.now() - started));
      const shutdown = (signal: string) => {
        process.stdout.write(`\n${signal}: stopping the local stage…\n`);
        void stage.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
