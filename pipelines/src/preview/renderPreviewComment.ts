import { isRecord } from '../specs/isRecord.js';

/**
 * `ENVIRONMENT_STACK_ID` of addEnvironmentStack.ts, repeated rather than imported: importing it
 * loads aws-cdk-lib and the templates, seconds the comment step does not need to wait.
 */
export const ENVIRONMENT_STACK = 'Environment';

/** The hidden first line that marks the one comment preview.yml keeps up to date. */
export const PREVIEW_COMMENT_MARKER = '<!-- stack-preview -->';

/** Where a preview stands, from the outcomes of the workflow's steps. */
export type PreviewStatus =
  'deployed' | 'smoke-failed' | 'deploy-failed' | 'destroyed' | 'destroy-failed';

/** Step outcomes as GitHub reports them (`success`, `failure`, `cancelled`, `skipped`). */
export interface PreviewOutcomes {
  readonly deploy?: string;
  readonly smoke?: string;
  readonly destroy?: string;
}

/** The status a comment shows for the outcomes of a deploy or a destroy job. */
export function previewStatus(outcomes: PreviewOutcomes): PreviewStatus {
  if (outcomes.destroy !== undefined && outcomes.destroy !== '') {
    return outcomes.destroy === 'success' ? 'destroyed' : 'destroy-failed';
  }
  if (outcomes.deploy !== 'success') return 'deploy-failed';
  return outcomes.smoke === 'success' ? 'deployed' : 'smoke-failed';
}

/** The figures of `stack cost --json` a comment shows. */
export interface PreviewCost {
  /** Monthly cost at zero traffic in an account whose free tier is used up. */
  readonly listPrice: number;
  /** The same if it were alone in its account (free tier applied). */
  readonly aloneInAccount: number;
  /** One million GraphQL API requests. */
  readonly perMillionRequests: number;
  readonly currency: string;
}

/** The cost of `stage` in the JSON `stack cost --json` printed; undefined when it is not there. */
export function previewCostOf(costJson: string, stage: string): PreviewCost | undefined {
  const report: unknown = JSON.parse(costJson);
  if (!isRecord(report) || !Array.isArray(report['environments'])) return undefined;
  const environment: unknown = report['environments'].find(
    (each: unknown) => isRecord(each) && each['name'] === stage,
  );
  if (!isRecord(environment)) return undefined;
  const fixed = environment['fixed'];
  const requests = environment['apiRequests'];
  const prices = report['prices'];
  if (!isRecord(fixed) || !isRecord(requests)) return undefined;
  return {
    listPrice: Number(fixed['listPrice']),
    aloneInAccount: Number(fixed['aloneInAccount']),
    perMillionRequests: Number(requests['perMillion']),
    currency: isRecord(prices) ? String(prices['currency']) : 'USD',
  };
}

/**
 * The outputs (`ApiUrl`, `AuthDomainUrl`, …) of the stage's environment stack in the file
 * `cdk deploy --outputs-file` wrote, keyed by stack name (`pr-12-Environment`).
 */
export function previewOutputsOf(
  outputsJson: string,
  stage: string,
): Record<string, string> | undefined {
  const outputs: unknown = JSON.parse(outputsJson);
  const stack = isRecord(outputs) ? outputs[`${stage}-${ENVIRONMENT_STACK}`] : undefined;
  return isRecord(stack)
    ? Object.fromEntries(Object.entries(stack).map(([key, value]) => [key, String(value)]))
    : undefined;
}

/** What a preview comment says. */
export interface PreviewComment {
  readonly stage: string;
  readonly status: PreviewStatus;
  /** The commit the workflow ran for. */
  readonly commit: string;
  readonly runUrl: string;
  /** Link to docs/previews.md in the repository. */
  readonly docsUrl: string;
  readonly outputs?: Readonly<Record<string, string>>;
  readonly cost?: PreviewCost;
  /** The `stack:preview-expires` date. */
  readonly expires?: string;
}

const HEADLINES: Record<PreviewStatus, string> = {
  deployed: 'deployed, smoke tests passed',
  'smoke-failed': 'deployed, but the smoke tests failed',
  'deploy-failed': 'deployment failed',
  destroyed: 'destroyed (the pull request was closed)',
  'destroy-failed': 'destroy failed; the daily sweeper retries',
};

/**
 * The body of the pull request's one preview comment: the marker, the status, the URLs, the
 * idle cost and the expiry. preview.yml creates it once and then edits it.
 */
export function renderPreviewComment(comment: PreviewComment): string {
  const { stage, status, outputs, cost } = comment;
  const live = status === 'deployed' || status === 'smoke-failed';
  const rows: [string, string][] = [];
  if (live && outputs?.['ApiUrl']) rows.push(['GraphQL API', outputs['ApiUrl']]);
  if (live && outputs?.['AuthDomainUrl'])
    rows.push(['Sign-in (Cognito)', outputs['AuthDomainUrl']]);
  rows.push(['Commit', `\`${comment.commit.slice(0, 12)}\``]);
  if (live && cost) {
    rows.push([
      'Cost',
      `${money(cost.listPrice, cost.currency)}/month idle (list price; ${money(cost.aloneInAccount, cost.currency)} alone in an account), ${money(cost.perMillionRequests, cost.currency)} per million API requests, from \`npx stack cost --env ${stage} --json\``,
    ]);
  }
  if (live && comment.expires) {
    rows.push([
      'Expires',
      `${comment.expires}: the daily sweeper deletes it after that day unless a push redeploys it`,
    ]);
  }
  return [
    PREVIEW_COMMENT_MARKER,
    `### Preview environment \`${stage}\`: ${HEADLINES[status]}`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    '',
    `[Workflow run](${comment.runUrl}) · [How previews work and how to debug one](${comment.docsUrl})`,
    '',
  ].join('\n');
}

function money(amount: number, currency: string): string {
  return currency === 'USD' ? `$${amount.toFixed(2)}` : `${amount.toFixed(2)} ${currency}`;
}
