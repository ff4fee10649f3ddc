import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';
import { formatDevSummary } from '../dev/formatDevSummary.js';
import { formatResourceTable } from '../dev/formatResourceTable.js';

/** Longest a Ctrl-C waits for every part to stop. */
const STOP_TIMEOUT_MS = 20_000;

/** The options of `stack dev`. */
interface DevOptions {
  readonly topology: string;
  readonly reset?: boolean;
  readonly bundled?: boolean;
  readonly watch: boolean;
  readonly root?: string;
  readonly services?: string;
}

/** `stack dev` (what `npm start` runs): the whole local stage on this machine, offline. */
export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('run the local stage offline: DynamoDB Local, dev token issuer, API at :4000')
    .option('--topology <topology>', 'how the router reaches subgraphs: http or colocated', 'http')
    .option('--reset', 'wipe .stack/ (local data, tokens, synthesized stage) before starting')
    .option('--bundled', "run the functions' esbuild bundles from the synthesized cdk.out")
    .option('--no-watch', 'do not reload handlers when services/*/src or platform/kit/src change')
    .option('--root <dir>', 'the folder whose .stack/ holds the state (default: this repository)')
    .option('--services <dir>', "the services folder (default: this repository's services/)")
    .action(async (options: DevOptions) => {
      if (options.topology !== 'http' && options.topology !== 'colocated') {
        throw new Error(`--topology ${options.topology}: use http or colocated`);
      }
      // Loaded on use: the local stage imports every service, which other commands do not need.
      const { startLocalStage, JavaMissingError } = await import('@stack/local');
      const started = Date.now();
      let last = started;
      const root = options.root ? resolve(options.root) : defaultRepoRoot();
      const starting = startLocalStage({
        root,
        topology: options.topology,
        reset: options.reset ?? false,
        bundled: options.bundled ?? false,
        watch: options.watch && !options.bundled,
        ...(options.services && { servicesRoot: resolve(options.services) }),
        onStep: (step) => {
          const now = Date.now();
          process.stdout.write(`  … ${step} (+${now - last} ms)\n`);
          last = now;
        },
        onReload: (message) =>
          process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`),
        onInvocation: (invocation) =>
          process.stdout.write(
            `[${new Date().toISOString().slice(11, 19)}] ${invocation.functionName} ${invocation.requestId} ${invocation.error ? `failed: ${invocation.error.message}` : 'ok'} (${Math.round(invocation.millis)} ms)\n`,
          ),
      });
      const stage = await starting.catch((error: unknown) => {
        if (!(error instanceof JavaMissingError)) throw error;
        process.stderr.write(`stack dev: ${error.message}\n`);
        process.exit(1);
      });
      process.stdout.write(formatResourceTable(stage.manifest.resources, root));
      process.stdout.write(formatDevSummary(stage.manifest, Date.now() - started));
      // `on`, not `once`, and later signals ignored: Apollo Server stops itself on SIGINT and
      // re-raises it (once per server) when it is done; with nobody listening that re-raise
      // would kill the process before the emulators (the JVM) are stopped. A stop that hangs
      // is cut short after STOP_TIMEOUT_MS.
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stdout.write(`\n${signal}: stopping the local stage…\n`);
        setTimeout(() => {
          process.stdout.write(`not stopped after ${STOP_TIMEOUT_MS / 1000} s: exiting anyway\n`);
          process.exit(1);
        }, STOP_TIMEOUT_MS);
        void stage.stop().then(() => {
          process.stdout.write('stopped: every emulator and listener is closed\n');
          process.exit(0);
        });
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    });
}
