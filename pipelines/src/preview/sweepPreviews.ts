// The preview sweeper's selection (preview-sweeper.yml, docs/previews.md): reads what
// `aws cloudformation describe-stacks --output json` printed, asks GitHub (`gh pr view`) for the
// state of each preview's pull request, prints the verdicts as Markdown and writes the stacks
// to delete, one line per phase (service stacks, then environment stacks), for the workflow to
// delete with the AWS CLI. Deletes nothing itself.
//   --stacks <file>  describe-stacks output (required)
//   --plan <file>    where to write the deletions (required)
//   --today <date>   YYYY-MM-DD, default today (UTC)
//   --dry-run        only say so in the report
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatSweepReport } from './formatSweepReport.js';
import {
  planPreviewSweep,
  previewStacksOf,
  pullRequestsOf,
  type PullRequestState,
} from './planPreviewSweep.js';

const { values } = parseArgs({
  options: {
    stacks: { type: 'string' },
    plan: { type: 'string' },
    today: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
if (values.stacks === undefined || values.plan === undefined) {
  process.stderr.write('sweep: --stacks <describe-stacks.json> and --plan <file> are required\n');
  process.exit(1);
}

/** `gh pr view`: needs GH_TOKEN, and GH_REPO outside a checkout. Undefined when it fails. */
function stateOf(pullRequest: number): PullRequestState | undefined {
  try {
    const state = execFileSync(
      'gh',
      ['pr', 'view', String(pullRequest), '--json', 'state', '--jq', '.state'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();
    if (state === 'OPEN' || state === 'CLOSED' || state === 'MERGED') return state;
    process.stderr.write(`sweep: gh says pull request #${pullRequest} is "${state}"\n`);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    process.stderr.write(
      `sweep: could not look up pull request #${pullRequest}; its preview is judged by its expiry date: ${stderr.trim()}\n`,
    );
  }
  return undefined;
}

const today = values.today ?? new Date().toISOString().slice(0, 10);
const stacks = previewStacksOf(readFileSync(values.stacks, 'utf8'));
const states = new Map(pullRequestsOf(stacks).map((number) => [number, stateOf(number)]));
const plan = planPreviewSweep(stacks, states, today);
writeFileSync(values.plan, plan.phases.map((phase) => `${phase.join(' ')}\n`).join(''));
process.stdout.write(formatSweepReport(plan, today, values['dry-run']));
