import type { DynamoDbLocal } from '@stack/local';
import { join } from 'node:path';
import type { BenchArguments } from './cli/parseBenchArguments.js';
import { Cleanup } from './infra/Cleanup.js';
import { startBenchDynamoDb } from './infra/startBenchDynamoDb.js';
import { runCommand, tail } from './process/runCommand.js';
import { machineInfo } from './report/machineInfo.js';
import { renderConsole } from './report/renderConsole.js';
import { writePerformanceDoc } from './report/writePerformanceDoc.js';
import type { BenchContext } from './suites/BenchContext.js';
import { SUITES } from './suites/SUITES.js';
import type { SuiteResult } from './suites/SuiteResult.js';

/** The file whose generated section the bench rewrites. */
export const PERFORMANCE_DOC = join('docs', 'PERFORMANCE.md');

/**
 * Runs the chosen suites one after another, prints each suite's tables, then rewrites the
 * generated section of docs/PERFORMANCE.md. Everything started is stopped on the way out,
 * failed or not. Resolves to the exit code: 1 when a suite failed (its figures are missing),
 * 0 otherwise; missed targets are reported, not fatal.
 */
export async function runBench(
  options: BenchArguments & { repoRoot: string; cleanup?: Cleanup },
): Promise<number> {
  const cleanup = options.cleanup ?? new Cleanup();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const machine = machineInfo();
  const runAt = new Date();
  // Quiet services: their per-request logs would cost time in every measured request.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  let dynamodb: Promise<DynamoDbLocal> | undefined;
  const context: BenchContext = {
    repoRoot: options.repoRoot,
    cleanup,
    log,
    dynamoDb: async () => {
      if (!dynamodb) {
        log('starting DynamoDB Local (in memory)');
        dynamodb = startBenchDynamoDb();
        const started = await dynamodb;
        cleanup.add('DynamoDB Local', () => started.stop());
      }
      await dynamodb;
    },
  };
  const results: SuiteResult[] = [];
  let failed = 0;
  try {
    for (const name of options.suites) {
      log(`\n-- ${name}`);
      try {
        const result = await SUITES[name](context);
        results.push(result);
        process.stdout.write(renderConsole(result));
      } catch (error) {
        failed += 1;
        log(
          `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  } finally {
    await cleanup.runAll(log);
  }
  if (!options.dryRun && results.length > 0) {
    writePerformanceDoc({
      path: join(options.repoRoot, PERFORMANCE_DOC),
      results,
      machine,
      runAt,
    });
    // The repository's formatter, so `npm run lint` (prettier --check) stays green after a run.
    const formatted = await runCommand(
      'npx',
      ['--no-install', 'prettier', '--write', PERFORMANCE_DOC],
      {
        cwd: options.repoRoot,
        timeoutMs: 60_000,
      },
    );
    if (formatted.code !== 0)
      log(`prettier could not format ${PERFORMANCE_DOC}:\n${tail(formatted.stderr)}`);
    log(`\nwrote ${PERFORMANCE_DOC} (${results.map((result) => result.name).join(', ')})`);
  }
  log(`bench took ${((Date.now() - runAt.getTime()) / 1000).toFixed(0)} s`);
  return failed > 0 ? 1 : 0;
}
