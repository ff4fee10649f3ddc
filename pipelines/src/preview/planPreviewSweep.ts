import { isRecord } from '../specs/isRecord.js';
import { PREVIEW_TAGS } from './previewSpec.js';

/** A CloudFormation stack as `aws cloudformation describe-stacks` lists it. */
export interface DeployedStack {
  readonly name: string;
  /** `CREATE_COMPLETE`, `DELETE_IN_PROGRESS`, … */
  readonly status: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** What `gh pr view <n> --json state` says; undefined when it could not tell. */
export type PullRequestState = 'OPEN' | 'CLOSED' | 'MERGED';

/** The verdict on one preview (the stacks of one pull request). */
export interface PreviewVerdict {
  /** The pull request of its `stack:pull-request` tag; undefined when the tag is unreadable. */
  readonly pullRequest: number | undefined;
  /** Its stacks that still exist, by name. */
  readonly stacks: readonly string[];
  readonly remove: boolean;
  /** Why, in words for the job summary. */
  readonly reason: string;
}

/** The sweeper's decision: a verdict per preview, and the deletions in dependency order. */
export interface SweepPlan {
  readonly previews: readonly PreviewVerdict[];
  /**
   * Stack names to delete, in phases: the service stacks first (they depend on their
   * environment's stack), then the environment stacks. Stacks already being deleted are left out.
   */
  readonly phases: readonly (readonly string[])[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the JSON `aws cloudformation describe-stacks --output json` prints into stacks; only
 * the stacks carrying the `stack:preview-expires` tag, so nothing but previews can be swept.
 */
export function previewStacksOf(describeStacksJson: string): DeployedStack[] {
  const parsed: unknown = JSON.parse(describeStacksJson);
  const stacks = isRecord(parsed) && Array.isArray(parsed['Stacks']) ? parsed['Stacks'] : undefined;
  if (!stacks) {
    throw new Error('not the output of aws cloudformation describe-stacks: no "Stacks" list');
  }
  return stacks
    .filter(isRecord)
    .map((stack) => ({
      name: String(stack['StackName']),
      status: String(stack['StackStatus']),
      tags: Object.fromEntries(
        (Array.isArray(stack['Tags']) ? stack['Tags'] : [])
          .filter(isRecord)
          .map((tag) => [String(tag['Key']), String(tag['Value'])]),
      ),
    }))
    .filter((stack) => PREVIEW_TAGS.expires in stack.tags);
}

/** The pull request numbers whose state the sweeper must look up, ascending. */
export function pullRequestsOf(stacks: readonly DeployedStack[]): number[] {
  const numbers = stacks.map(pullRequestOf).filter((value): value is number => value !== undefined);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/**
 * Decides which previews to delete: those whose pull request is closed or merged, and those
 * whose `stack:preview-expires` date is before `today` (`YYYY-MM-DD`, UTC): a pull request
 * nobody pushed to for that long keeps no environment. A preview whose state could not be
 * looked up is judged by its date alone; one with an unreadable date is kept and reported.
 * Pure: the caller lists the stacks and asks GitHub for the states.
 */
export function planPreviewSweep(
  stacks: readonly DeployedStack[],
  states: ReadonlyMap<number, PullRequestState | undefined>,
  today: string,
): SweepPlan {
  if (!ISO_DATE.test(today)) throw new Error(`today must be a date as YYYY-MM-DD, got "${today}"`);
  const groups = new Map<string, DeployedStack[]>();
  for (const stack of stacks) {
    const pullRequest = pullRequestOf(stack);
    // A stack without a readable pull request tag is a preview of its own.
    const key = pullRequest === undefined ? `stack:${stack.name}` : `pr:${pullRequest}`;
    groups.set(key, [...(groups.get(key) ?? []), stack]);
  }

  const previews = [...groups.values()].map((group) => {
    const pullRequest = pullRequestOf(group[0] as DeployedStack);
    const expiries = group.map((stack) => stack.tags[PREVIEW_TAGS.expires] ?? '');
    const readable = expiries.filter((date) => ISO_DATE.test(date)).sort();
    const expires = readable[0];
    const state = pullRequest === undefined ? undefined : states.get(pullRequest);
    const verdict = (remove: boolean, reason: string): PreviewVerdict => ({
      pullRequest,
      stacks: group.map((stack) => stack.name).sort(),
      remove,
      reason,
    });
    if (state === 'CLOSED' || state === 'MERGED') {
      return verdict(true, `pull request #${pullRequest} is ${state.toLowerCase()}`);
    }
    if (expires === undefined || readable.length < expiries.length) {
      return verdict(
        false,
        `kept: unreadable ${PREVIEW_TAGS.expires} tag (${expiries.join(', ')}); fix or delete it by hand`,
      );
    }
    if (expires < today) return verdict(true, `expired on ${expires}`);
    const why =
      pullRequest === undefined
        ? `no readable ${PREVIEW_TAGS.pullRequest} tag`
        : state === 'OPEN'
          ? `pull request #${pullRequest} is open`
          : `state of pull request #${pullRequest} unknown`;
    return verdict(false, `kept: ${why}, expires on ${expires}`);
  });
  previews.sort(
    (a, b) =>
      (a.pullRequest ?? Number.MAX_SAFE_INTEGER) - (b.pullRequest ?? Number.MAX_SAFE_INTEGER) ||
      (a.stacks[0] ?? '').localeCompare(b.stacks[0] ?? ''),
  );

  const removed = new Set(previews.filter((each) => each.remove).flatMap((each) => each.stacks));
  const deletable = stacks.filter(
    (stack) => removed.has(stack.name) && stack.status !== 'DELETE_IN_PROGRESS',
  );
  // Service stacks carry stack:service and read their environment's SSM parameters.
  const isService = (stack: DeployedStack) => 'stack:service' in stack.tags;
  const names = (list: DeployedStack[]) => list.map((stack) => stack.name).sort();
  const phases = [
    names(deletable.filter(isService)),
    names(deletable.filter((s) => !isService(s))),
  ];
  return { previews, phases: phases.filter((phase) => phase.length > 0) };
}

function pullRequestOf(stack: DeployedStack): number | undefined {
  const value = stack.tags[PREVIEW_TAGS.pullRequest];
  return value !== undefined && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}
