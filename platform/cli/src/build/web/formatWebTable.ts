import type { WebExportReport } from './WebExportReport.js';

const HEADER = ['web app', 'files', 'bytes', 'gzip bytes'] as const;

/** Renders the web exports' sizes as an aligned table, numbers right-aligned. */
export function formatWebTable(reports: readonly WebExportReport[]): string {
  const table = [
    [...HEADER],
    ...reports.map((report) => [
      report.app,
      report.files.toLocaleString('en-US'),
      report.bytes.toLocaleString('en-US'),
      report.gzipBytes.toLocaleString('en-US'),
    ]),
  ];
  const widths = HEADER.map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? '').length)),
  );
  return `${table
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
