import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultRepoRoot } from '../repoRoot.js';

interface DlqCommandOptions {
  local?: boolean;
  env?: string;
  root?: string;
}

/** `stack dlq list|redrive`: the event workers' dead-letter queues, locally or in the cloud. */
export function registerDlq(program: Command): void {
  const dlq = program
    .command('dlq')
    .description("inspect and redrive the event workers' dead-letter queues");
  const withTarget = (command: Command) =>
    command
      .option('--local', "the local stage's queues (from .stack/dev.json; the default)")
      .option(
        '--env <name>',
        'a deployed environment: workers found by its SSM parameters /stack/<name>/services/*/queue-url, with your AWS credentials',
      )
      .option('--root <dir>', 'repository root for --local (default: this repository)');

  withTarget(dlq.command('list'))
    .description("every worker's DLQ with its approximate number of messages")
    .action(async (options: DlqCommandOptions) => {
      const target = targetOf(options);
      if (!target) return;
      const { runDlqList } = await import('../dlq/runDlq.js');
      process.exitCode = await runDlqList(target, stdio);
    });

  withTarget(dlq.command('redrive <queue>'))
    .description("move every message of a worker's DLQ back to the worker's queue")
    .option('--max <n>', 'move at most n messages', (raw) => Number.parseInt(raw, 10))
    .action(async (queue: string, options: DlqCommandOptions & { max?: number }) => {
      const target = targetOf(options);
      if (!target) return;
      if (options.max !== undefined && !(Number.isInteger(options.max) && options.max > 0)) {
        stdio.err('stack dlq redrive: --max takes a positive whole number of messages\n');
        process.exitCode = 2;
        return;
      }
      const { runDlqRedrive } = await import('../dlq/runDlq.js');
      process.exitCode = await runDlqRedrive(target, queue, stdio, {
        ...(options.max !== undefined && { limit: options.max }),
      });
    });
}

const stdio = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};

/** The stage the options name; undefined (after saying why, exit code 2) when they conflict. */
function targetOf(options: DlqCommandOptions) {
  if (options.local && options.env !== undefined) {
    stdio.err('stack dlq: pass either --local or --env <name>, not both\n');
    process.exitCode = 2;
    return undefined;
  }
  return options.env !== undefined
    ? ({ kind: 'env', environment: options.env } as const)
    : ({
        kind: 'local',
        root: options.root === undefined ? defaultRepoRoot() : resolve(options.root),
      } as const);
}
