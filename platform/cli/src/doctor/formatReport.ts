import type { DoctorReport } from './runDoctor.js';

/** Renders a doctor report as aligned lines, with the fix under each failed check. */
export function formatReport(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const lines = report.checks.flatMap((check) => {
    const mark = check.ok ? 'ok  ' : 'FAIL';
    const line = `${mark} ${check.name.padEnd(width)}  ${check.detail}`;
    return check.ok
      ? [line]
      : [
          line,
          `     ${' '.repeat(width)}  needed for: ${check.neededFor}`,
          `     ${' '.repeat(width)}  fix: ${check.fix ?? 'see docs'}`,
        ];
  });
  const failed = report.checks.filter((check) => !check.ok).length;
  lines.push(
    '',
    failed === 0
      ? 'All prerequisites are in place.'
      : `${failed} problem(s) found: apply the fixes above and run \`npx stack doctor\` again.`,
  );
  return `${lines.join('\n')}\n`;
}
