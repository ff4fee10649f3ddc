import { describe, expect, it } from '@jest/globals';
import { formatSweepReport } from '../../src/preview/formatSweepReport.js';
import {
  type DeployedStack,
  planPreviewSweep,
  previewStacksOf,
  type PullRequestState,
  pullRequestsOf,
} from '../../src/preview/planPreviewSweep.js';

const TODAY = '2026-03-10';

/** A stack of preview pr-<pr>, as the preview app tags it. */
function stack(
  pr: number,
  expires: string,
  options: { service?: string; status?: string } = {},
): DeployedStack {
  return {
    name: options.service ? `pr-${pr}-Service-${options.service}` : `pr-${pr}-Environment`,
    status: options.status ?? 'UPDATE_COMPLETE',
    tags: {
      'stack:stage': `pr-${pr}`,
      'stack:pull-request': String(pr),
      'stack:preview-expires': expires,
      ...(options.service && { 'stack:service': options.service }),
    },
  };
}

function states(entries: [number, PullRequestState | undefined][]) {
  return new Map(entries);
}

describe('Function: planPreviewSweep', () => {
  it('deletes the preview of a closed or merged pull request, even before it expires', () => {
    // Prepare
    const stacks = [stack(1, '2026-03-15'), stack(2, '2026-03-15'), stack(3, '2026-03-15')];

    // Act
    const plan = planPreviewSweep(
      stacks,
      states([
        [1, 'CLOSED'],
        [2, 'MERGED'],
        [3, 'OPEN'],
      ]),
      TODAY,
    );

    // Assess
    expect(plan.previews.map((each) => [each.pullRequest, each.remove, each.reason])).toEqual([
      [1, true, 'pull request #1 is closed'],
      [2, true, 'pull request #2 is merged'],
      [3, false, 'kept: pull request #3 is open, expires on 2026-03-15'],
    ]);
    expect(plan.phases).toEqual([['pr-1-Environment', 'pr-2-Environment']]);
  });

  it('deletes an open pull request’s preview after its expiry day, not on it', () => {
    // Act
    const plan = planPreviewSweep(
      [stack(4, '2026-03-09'), stack(5, TODAY)],
      states([
        [4, 'OPEN'],
        [5, 'OPEN'],
      ]),
      TODAY,
    );

    // Assess
    expect(plan.previews.map((each) => [each.pullRequest, each.remove, each.reason])).toEqual([
      [4, true, 'expired on 2026-03-09'],
      [5, false, 'kept: pull request #5 is open, expires on 2026-03-10'],
    ]);
  });

  it('judges a preview whose pull request could not be looked up by its date alone', () => {
    // Act
    const plan = planPreviewSweep(
      [stack(6, '2026-03-01'), stack(7, '2026-04-01')],
      states([
        [6, undefined],
        [7, undefined],
      ]),
      TODAY,
    );

    // Assess
    expect(plan.previews.map((each) => [each.remove, each.reason])).toEqual([
      [true, 'expired on 2026-03-01'],
      [false, 'kept: state of pull request #7 unknown, expires on 2026-04-01'],
    ]);
  });

  it('keeps and reports a preview whose expiry tag it cannot read', () => {
    // Act
    const plan = planPreviewSweep([stack(8, 'next week')], states([[8, 'OPEN']]), TODAY);

    // Assess
    expect(plan.previews[0]).toMatchObject({ remove: false });
    expect(plan.previews[0]?.reason).toContain('unreadable stack:preview-expires tag (next week)');
    expect(plan.phases).toEqual([]);
  });

  it('deletes service stacks before their environment stack and skips stacks being deleted', () => {
    // Prepare
    const stacks = [
      stack(9, '2026-03-01'),
      stack(9, '2026-03-01', { service: 'notifications' }),
      stack(9, '2026-03-01', { service: 'search', status: 'DELETE_IN_PROGRESS' }),
      stack(10, '2026-03-01', { status: 'DELETE_FAILED' }),
    ];

    // Act
    const plan = planPreviewSweep(
      stacks,
      states([
        [9, 'CLOSED'],
        [10, 'CLOSED'],
      ]),
      TODAY,
    );

    // Assess: a failed deletion is tried again
    expect(plan.phases).toEqual([
      ['pr-9-Service-notifications'],
      ['pr-10-Environment', 'pr-9-Environment'],
    ]);
    expect(plan.previews[0]?.stacks).toEqual([
      'pr-9-Environment',
      'pr-9-Service-notifications',
      'pr-9-Service-search',
    ]);
  });

  it('refuses a today that is not a date', () => {
    // Act + Assess
    expect(() => planPreviewSweep([], new Map(), '10.03.2026')).toThrow(
      'today must be a date as YYYY-MM-DD, got "10.03.2026"',
    );
  });
});

describe('Function: previewStacksOf', () => {
  it('reads describe-stacks output and keeps only stacks tagged as previews', () => {
    // Prepare
    const output = JSON.stringify({
      Stacks: [
        {
          StackName: 'pr-12-Environment',
          StackStatus: 'CREATE_COMPLETE',
          Tags: [
            { Key: 'stack:pull-request', Value: '12' },
            { Key: 'stack:preview-expires', Value: '2026-03-15' },
          ],
        },
        { StackName: 'CDKToolkit', StackStatus: 'UPDATE_COMPLETE', Tags: [] },
        { StackName: 'integration-Environment', StackStatus: 'UPDATE_COMPLETE' },
      ],
    });

    // Act
    const stacks = previewStacksOf(output);

    // Assess
    expect(stacks).toEqual([
      {
        name: 'pr-12-Environment',
        status: 'CREATE_COMPLETE',
        tags: { 'stack:pull-request': '12', 'stack:preview-expires': '2026-03-15' },
      },
    ]);
    expect(pullRequestsOf([...stacks, ...stacks, stack(3, TODAY)])).toEqual([3, 12]);
  });

  it('refuses JSON that is not describe-stacks output', () => {
    // Act + Assess
    expect(() => previewStacksOf('{"StackSummaries":[]}')).toThrow('no "Stacks" list');
  });
});

describe('Function: formatSweepReport', () => {
  it('lists each preview with its verdict and counts the stacks to delete', () => {
    // Prepare
    const plan = planPreviewSweep(
      [stack(1, '2026-03-15'), stack(2, '2026-03-15')],
      states([
        [1, 'MERGED'],
        [2, 'OPEN'],
      ]),
      TODAY,
    );

    // Act
    const report = formatSweepReport(plan, TODAY, true);

    // Assess
    expect(report).toBe(
      [
        '## Preview sweep 2026-03-10 (dry run: nothing is deleted)',
        '',
        '| pull request | stacks | verdict |',
        '| --- | --- | --- |',
        '| #1 | pr-1-Environment | **delete**: pull request #1 is merged |',
        '| #2 | pr-2-Environment | kept: pull request #2 is open, expires on 2026-03-15 |',
        '',
        '1 stack to delete.',
        '',
      ].join('\n'),
    );
  });
});
