import type { SuiteResult, Table } from '../suites/SuiteResult.js';
import { FIGURE_COLUMNS, figureRows } from './figureRows.js';
import { describeMachine, type MachineInfo } from './machineInfo.js';
import { suiteEnd, suiteStart } from './performanceDoc.js';

/** A suite's block of the generated section, between its own markers. */
export function renderSuiteMarkdown(result: SuiteResult, machine: MachineInfo): string {
  return [
    suiteStart(result.name),
    `### ${result.title}`,
    '',
    `Measured ${result.startedAt.replace('T', ' ').slice(0, 16)} UTC in ${(result.durationMs / 1000).toFixed(0)} s on ${describeMachine(machine)}.`,
    '',
    ...result.tables.flatMap((table) => [markdownTable(table), '']),
    markdownTable({ title: 'Targets', columns: FIGURE_COLUMNS, rows: figureRows(result.figures) }),
    '',
    ...result.notes.map((note) => `- ${note}`),
    suiteEnd(result.name),
  ].join('\n');
}

/** A GitHub-flavoured Markdown table with its title in bold above it. */
export function markdownTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const row = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return [
    `**${escape(table.title)}**`,
    '',
    row(table.columns),
    row(table.columns.map(() => '---')),
    ...table.rows.map(row),
  ].join('\n');
}
