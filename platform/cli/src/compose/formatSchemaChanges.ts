import { CRITICALITIES, type SchemaChangeReport } from './SchemaChange.js';

/** Renders a change report as text: a count line, then one block per criticality, worst first. */
export function formatSchemaChanges(report: SchemaChangeReport, against: string): string {
  const counts = CRITICALITIES.map(
    (level) => `${report[level].length} ${level.toLowerCase().replace('_', '-')}`,
  );
  const total = CRITICALITIES.reduce((sum, level) => sum + report[level].length, 0);
  if (total === 0) return `API schema: no changes against ${against}\n`;
  const lines = [`API schema changes against ${against}: ${counts.join(', ')}`];
  for (const level of CRITICALITIES) {
    if (report[level].length === 0) continue;
    lines.push(level);
    for (const change of report[level]) {
      lines.push(`  - ${change.message}${change.path ? ` (${change.path})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
