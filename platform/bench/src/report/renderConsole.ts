import type { SuiteResult, Table } from '../suites/SuiteResult.js';
import { FIGURE_COLUMNS, figureRows } from './figureRows.js';

/** A suite's tables, figures and notes as plain text for the terminal. */
export function renderConsole(result: SuiteResult): string {
  const parts = [
    `\n== ${result.title} (${(result.durationMs / 1000).toFixed(1)} s) ==\n`,
    ...result.tables.map((table) => textTable(table)),
    textTable({ title: 'Targets', columns: FIGURE_COLUMNS, rows: figureRows(result.figures) }),
    ...result.notes.map((note) => `* ${note}\n`),
  ];
  return parts.join('\n');
}

/** A table with columns padded to their widest cell. */
export function textTable(table: Table): string {
  const widths = table.columns.map((column, index) =>
    Math.max(width(column), ...table.rows.map((row) => width(row[index] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, index) => cell + ' '.repeat((widths[index] ?? 0) - width(cell))).join('  ');
  return [
    table.title,
    line(table.columns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.rows.map(line),
    '',
  ].join('\n');
}

// Emoji take two columns in a terminal.
function width(text: string): number {
  return [...text].reduce(
    (sum, char) => sum + (/\p{Extended_Pictographic}/u.test(char) ? 2 : 1),
    0,
  );
}
