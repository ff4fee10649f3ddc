import { describe, expect, it } from '@jest/globals';
import { ENVIRONMENT_STACK_ID } from '../../src/addEnvironmentStack.js';
import {
  ENVIRONMENT_STACK,
  PREVIEW_COMMENT_MARKER,
  previewCostOf,
  previewOutputsOf,
  previewStatus,
  renderPreviewComment,
} from '../../src/preview/renderPreviewComment.js';

const COST_JSON = JSON.stringify({
  prices: { currency: 'USD' },
  environments: [
    { name: 'integration', fixed: { listPrice: 9, aloneInAccount: 1 }, apiRequests: {} },
    {
      name: 'pr-12',
      fixed: { listPrice: 0.4, aloneInAccount: 0 },
      apiRequests: { perMillion: 3.531 },
    },
  ],
});

describe('Function: renderPreviewComment', () => {
  it('starts with the hidden marker and shows the URLs, cost and expiry of a deployed preview', () => {
    // Act
    const body = renderPreviewComment({
      stage: 'pr-12',
      status: 'deployed',
      commit: '0123456789abcdef',
      runUrl: 'https://example.invalid/run/1',
      docsUrl: 'https://example.invalid/docs/previews.md',
      outputs: {
        ApiUrl: 'https://d1.cloudfront.net/graphql',
        AuthDomainUrl: 'https://stack-pr-12.auth.eu-west-1.amazoncognito.com',
      },
      cost: previewCostOf(COST_JSON, 'pr-12'),
      expires: '2026-03-08',
    });

    // Assess
    expect(body.split('\n')[0]).toBe(PREVIEW_COMMENT_MARKER);
    expect(PREVIEW_COMMENT_MARKER).toBe('<!-- stack-preview -->');
    expect(body).toContain('### Preview environment `pr-12`: deployed, smoke tests passed');
    expect(body).toContain('| GraphQL API | https://d1.cloudfront.net/graphql |');
    expect(body).toContain('| Sign-in (Cognito) | https://stack-pr-12.auth');
    expect(body).toContain('| Commit | `0123456789ab` |');
    expect(body).toContain(
      '| Cost | $0.40/month idle (list price; $0.00 alone in an account), $3.53 per million API requests',
    );
    expect(body).toContain('| Expires | 2026-03-08');
    expect(body).toContain(
      '[How previews work and how to debug one](https://example.invalid/docs/previews.md)',
    );
  });

  it('shows no URLs once the preview is destroyed', () => {
    // Act
    const body = renderPreviewComment({
      stage: 'pr-12',
      status: 'destroyed',
      commit: 'abc',
      runUrl: 'r',
      docsUrl: 'd',
      outputs: { ApiUrl: 'https://gone.example/graphql' },
    });

    // Assess
    expect(body).toContain('`pr-12`: destroyed (the pull request was closed)');
    expect(body).not.toContain('https://gone.example');
  });
});

describe('Function: previewStatus', () => {
  it.each([
    [{ deploy: 'success', smoke: 'success' }, 'deployed'],
    [{ deploy: 'success', smoke: 'failure' }, 'smoke-failed'],
    [{ deploy: 'failure', smoke: 'skipped' }, 'deploy-failed'],
    [{ deploy: 'skipped' }, 'deploy-failed'],
    [{ destroy: 'success' }, 'destroyed'],
    [{ destroy: 'failure' }, 'destroy-failed'],
  ])('reads %j as %s', (outcomes, status) => {
    // Act + Assess
    expect(previewStatus(outcomes)).toBe(status);
  });
});

describe('Reading what cdk deploy and stack cost wrote', () => {
  it('takes the outputs of the preview’s environment stack', () => {
    // Act
    const outputs = previewOutputsOf(
      JSON.stringify({ 'pr-12-Environment': { ApiUrl: 'https://x/graphql' }, other: {} }),
      'pr-12',
    );

    // Assess
    expect(outputs).toEqual({ ApiUrl: 'https://x/graphql' });
    expect(previewOutputsOf('{}', 'pr-12')).toBeUndefined();
    expect(ENVIRONMENT_STACK).toBe(ENVIRONMENT_STACK_ID);
  });

  it('takes the cost of the preview’s environment, or nothing when it is not priced', () => {
    // Act + Assess
    expect(previewCostOf(COST_JSON, 'pr-12')).toEqual({
      listPrice: 0.4,
      aloneInAccount: 0,
      perMillionRequests: 3.531,
      currency: 'USD',
    });
    expect(previewCostOf(COST_JSON, 'pr-13')).toBeUndefined();
  });
});
