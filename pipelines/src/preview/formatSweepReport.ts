import type { SweepPlan } from './planPreviewSweep.js';

/** The sweep plan as a Markdown table for the job summary (and the log). */
export function formatSweepReport(plan: SweepPlan, today: string, dryRun: boolean): string {
  const lines = [`## Preview sweep ${today}${dryRun ? ' (dry run: nothing is deleted)' : ''}`, ''];
  if (plan.previews.length === 0) {
    return `${[...lines, 'No preview stacks (tagged stack:preview-expires) in this account and region.'].join('\n')}\n`;
  }
  lines.push('| pull request | stacks | verdict |', '| --- | --- | --- |');
  for (const preview of plan.previews) {
    const number = preview.pullRequest === undefined ? '?' : `#${preview.pullRequest}`;
    const verdict = preview.remove ? `**delete**: ${preview.reason}` : preview.reason;
    lines.push(`| ${number} | ${preview.stacks.join(', ')} | ${verdict} |`);
  }
  const count = plan.phases.flat().length;
  lines.push('', `${count} stack${count === 1 ? '' : 's'} to delete.`);
  return `${lines.join('\n')}\n`;
}
