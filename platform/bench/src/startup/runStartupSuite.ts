import { formatNumber } from '../report/evaluateTarget.js';
import { atMost } from '../report/Target.js';
import type { BenchContext } from '../suites/BenchContext.js';
import type { Figure, SuiteResult, Table } from '../suites/SuiteResult.js';
import { isStageRunning } from './isStageRunning.js';
import { measureDevStart, type DevStart } from './measureDevStart.js';
import { measureSynth, type SynthOutcome } from './measureSynth.js';
import { preserveStackState } from './preserveStackState.js';

const SYNTH_TIMEOUT_MS = 240_000;
const DEV_START_TIMEOUT_MS = 120_000;

/**
 * Suite 4: how long `npm run synth` takes, and how long `npm start` (`stack dev`) takes to
 * answer the reference query: first after `--reset`, then again with its state kept.
 */
export async function runStartupSuite(context: BenchContext): Promise<SuiteResult> {
  const startedAt = new Date();
  context.log('startup: timing npm run synth');
  const synth = await measureSynth(context.repoRoot, SYNTH_TIMEOUT_MS, context.cleanup);

  const starts: { label: string; start: DevStart }[] = [];
  let skipped: string | undefined;
  if (await isStageRunning(context.repoRoot)) {
    skipped =
      'a local stage of this repository is running on .stack/; stop it to measure npm start';
  } else {
    const restore = preserveStackState(context.repoRoot);
    const restoreNow = context.cleanup.add('.stack/ as it was before the bench', restore);
    try {
      for (const reset of [true, false]) {
        const label = reset ? 'first start (after --reset)' : 'second start (state kept)';
        context.log(`startup: stack dev, ${label}`);
        starts.push({
          label,
          start: await measureDevStart({
            repoRoot: context.repoRoot,
            reset,
            cleanup: context.cleanup,
            timeoutMs: DEV_START_TIMEOUT_MS,
          }),
        });
      }
    } finally {
      await restoreNow();
    }
  }

  const figures: Figure[] = [synthFigure(synth)];
  for (const { label, start } of starts) {
    figures.push(
      {
        label: `npm start, ${label}: time to first answer`,
        value: start.firstAnswerMs,
        unit: 'ms',
      },
      {
        label: `npm start, ${label}: processes left after SIGINT`,
        value: start.leftChildren ? 1 : 0,
        unit: '',
        target: atMost(0),
        note: 'DynamoDB Local must stop with stack dev',
      },
    );
  }
  if (skipped)
    figures.push({
      label: 'npm start: time to first answer',
      value: undefined,
      unit: 'ms',
      note: `n/a (${skipped})`,
    });
  const tables: Table[] = [
    {
      title: 'Synth and local start-up',
      columns: ['step', 'time', 'stack dev says ready in', 'stop after SIGINT', 'children left'],
      rows: [
        ['npm run synth', describeSynth(synth), '', '', ''],
        ...starts.map(({ label, start }) => [
          `npm start, ${label}`,
          `${formatNumber(start.firstAnswerMs, 0)} ms`,
          start.reportedReadyMs === undefined
            ? '—'
            : `${formatNumber(start.reportedReadyMs, 0)} ms`,
          `${formatNumber(start.stopMs, 0)} ms`,
          start.leftChildren ? 'yes (killed by the bench)' : 'none',
        ]),
        ...(skipped ? [['npm start', `n/a (${skipped})`, '', '', '']] : []),
      ],
    },
  ];
  return {
    name: 'startup',
    title: 'Synth time and npm start time',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    tables,
    figures,
    notes: [
      '`npm start` is timed from spawning `npx stack dev` (free ports through STACK_PORT_API, STACK_PORT_AUTH, STACK_PORT_DYNAMODB) to its first 200 answer to the reference query without errors, polling every 100 ms. The first start follows `--reset` (empty `.stack/`, demo data loaded); the second keeps that state. The developer’s own `.stack/` is copied aside before and put back after.',
      '“stack dev says ready in” is the time `stack dev` prints itself, from its command starting to the stage being up; the rest of the time to first answer is npx, tsx and loading the modules before that.',
    ],
  };
}

function synthFigure(synth: SynthOutcome): Figure {
  if (synth.kind === 'measured') return { label: 'npm run synth', value: synth.ms, unit: 'ms' };
  return { label: 'npm run synth', value: undefined, unit: 'ms', note: describeSynth(synth) };
}

function describeSynth(synth: SynthOutcome): string {
  if (synth.kind === 'measured') return `${formatNumber(synth.ms, 0)} ms`;
  if (synth.kind === 'unavailable') return 'n/a (synth not available)';
  return `n/a (failed: ${synth.reason.replace(/\s+/g, ' ').slice(0, 200)})`;
}
