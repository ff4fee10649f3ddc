// `npm run bench`: the performance suites of docs/PERFORMANCE.md, run with tsx from source.
import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, parseBenchArguments } from './cli/parseBenchArguments.js';
import { Cleanup } from './infra/Cleanup.js';
import { runBench } from './runBench.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cleanup = new Cleanup();

// Ctrl-C, a crash or a closed pipe (`npm run bench | head`) must not leave servers, DynamoDB
// Local or `stack dev` running.
const abort = (reason: string, code: number) => {
  process.stderr.write(`\n${reason}: stopping everything the bench started…\n`);
  void cleanup.runAll().finally(() => process.exit(code));
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => abort(signal, 130));
}
process.once('uncaughtException', (error) => abort(`uncaught ${error.stack ?? error.message}`, 1));
process.once('unhandledRejection', (reason) => abort(`unhandled rejection ${String(reason)}`, 1));
process.stdout.on('error', () => undefined);

try {
  const options = parseBenchArguments(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(BENCH_USAGE);
  } else {
    process.exitCode = await runBench({ ...options, repoRoot, cleanup });
  }
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  await cleanup.runAll();
  process.exitCode = 1;
}
// Keep-alive sockets and timers of the services must not hold the process open.
process.exit();
