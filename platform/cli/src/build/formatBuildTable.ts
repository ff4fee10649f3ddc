import type { BuildReport } from './BuildReport.js';
import { formatKibibytes } from './formatKibibytes.js';

const HEADER = ['function', 'minified bytes', 'gzip bytes', 'largest inputs'] as const;

/** Renders the report as an aligned table, one row per function, sizes in bytes. */
export function formatBuildTable(report: BuildReport): string {
  const rows = report.functions.map((fn) => [
    fn.name,
    fn.minifiedBytes.toLocaleString('en-US'),
    fn.gzipBytes.toLocaleString('en-US'),
    fn.largestInputs.map((share) => `${share.package} ${formatKibibytes(share.bytes)}`).join(', '),
  ]);
  const table = [[...HEADER], ...rows];
  const widths = HEADER.map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? '').length)),
  );
  const lines = table.map((row) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        // Sizes are right-aligned so their digits line up; the last column is not padded.
        if (column === 1 || column === 2) return cell.padStart(width);
        return column === row.length - 1 ? cell : cell.padEnd(width);
      })
      .join('  '),
  );
  return `${lines.join('\n')}\n`;
}
