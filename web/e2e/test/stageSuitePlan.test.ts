import { describe, expect, it } from '@jest/globals';
import { e2ePasswordSecret } from '@stack/pipelines/e2eCredentials';
import { stageSuitePlan } from '../src/stageSuitePlan.js';

const deployed = {
  E2E_STAGE: 'integration',
  WEB_URL: 'https://d111.cloudfront.net',
  INTERNAL_URL: 'https://d222.cloudfront.net',
  E2E_PASSWORD: 'Secret-Passw0rd!',
};

describe('stageSuitePlan', () => {
  it('runs the suite when the stage hosts both apps and the password is set', () => {
    expect(stageSuitePlan(deployed)).toEqual({ run: true, stage: 'integration' });
  });

  it.each(['WEB_URL', 'INTERNAL_URL'] as const)(
    'skips quietly when %s is missing (a stage without hosting)',
    (name) => {
      const plan = stageSuitePlan({ ...deployed, [name]: '' });
      expect(plan).toMatchObject({ run: false, warn: false });
      expect(!plan.run && plan.reason).toContain('hosting input is off');
    },
  );

  it('skips with a warning naming the CLI command and the secret when the password is empty', () => {
    const plan = stageSuitePlan({ ...deployed, E2E_STAGE: 'preview-pr-7', E2E_PASSWORD: ' ' });
    expect(plan).toMatchObject({ run: false, warn: true, stage: 'preview-pr-7' });
    const reason = plan.run ? '' : plan.reason;
    expect(reason).toContain('npx stack e2e-users --env preview-pr-7');
    // The name the pipeline reads the secret under (pipelines/src/deploy/e2eCredentials.ts).
    expect(reason).toContain(e2ePasswordSecret('preview-pr-7'));
  });

  it('refuses a missing or malformed E2E_STAGE before anything runs', () => {
    expect(() => stageSuitePlan({ ...deployed, E2E_STAGE: undefined })).toThrow(
      /E2E_STAGE must name the deployed stage/,
    );
    expect(() => stageSuitePlan({ ...deployed, E2E_STAGE: 'Prod Stage' })).toThrow(
      /got "Prod Stage"/,
    );
  });
});
