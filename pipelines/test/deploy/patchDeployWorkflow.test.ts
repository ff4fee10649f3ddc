import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { deployJobKind, patchDeployWorkflow } from '../../src/deploy/patchDeployWorkflow.js';

/** The shape of what cdk-pipelines-github writes, reduced to one job of each kind. */
function libraryWorkflow() {
  return {
    name: 'Deploy',
    on: { push: { branches: ['main'] }, workflow_dispatch: {} },
    jobs: {
      'Build-Synth': {
        name: 'Synthesize',
        permissions: { contents: 'read', 'id-token': 'write' },
        'runs-on': 'ubuntu-latest',
        needs: [],
        env: {},
        steps: [
          { name: 'Checkout', uses: 'actions/checkout@v6' },
          { name: 'Upload cdk.out', uses: 'actions/upload-artifact@v7', with: { name: 'cdk.out' } },
        ],
      },
      'Assets-FileAsset1': {
        name: 'Publish Assets Assets-FileAsset1',
        needs: ['Build-Synth'],
        permissions: { contents: 'read', 'id-token': 'write' },
        'runs-on': 'ubuntu-latest',
        outputs: { 'asset-hash': '${{ steps.Publish.outputs.asset-hash }}' },
        steps: [
          {
            name: 'Download cdk.out',
            uses: 'actions/download-artifact@v8',
            with: { name: 'cdk.out', path: '/tmp/stack-deploy-workflow-x' },
          },
          { id: 'Publish', run: '/bin/bash ./cdk.out/assembly-integration/publish.sh' },
        ],
      },
      'integration-Environment-Deploy': {
        name: 'Deploy integrationEnvironmentAF52835C',
        permissions: { contents: 'read', 'id-token': 'write' },
        environment: { name: 'integration', url: '${{ steps.Deploy.outputs.ApiUrl }}' },
        needs: ['Build-Synth', 'Assets-FileAsset1'],
        'runs-on': 'ubuntu-latest',
        outputs: { ApiUrl: '${{ steps.Deploy.outputs.ApiUrl }}' },
        steps: [
          {
            name: 'Assume CDK Deploy Role',
            uses: 'aws-actions/configure-aws-credentials@v6',
            with: {
              'aws-region': 'eu-west-1',
              'aws-access-key-id': '${{ env.AWS_ACCESS_KEY_ID }}',
              'aws-secret-access-key': '${{ env.AWS_SECRET_ACCESS_KEY }}',
              'aws-session-token': '${{ env.AWS_SESSION_TOKEN }}',
              'role-to-assume': 'arn:aws:iam::111111111111:role/cdk-hnb659fds-deploy-role',
            },
          },
          {
            id: 'Deploy',
            uses: 'aws-actions/aws-cloudformation-github-deploy@v2',
            with: { name: 'integration-Environment' },
          },
        ],
      },
      'integration-Service-users-Deploy': {
        name: 'Deploy integrationServiceusers',
        permissions: { contents: 'read', 'id-token': 'write' },
        environment: { name: 'integration', url: '${{ steps.Deploy.outputs.ApiUrl }}' },
        needs: ['integration-Environment-Deploy'],
        'runs-on': 'ubuntu-latest',
        steps: [
          {
            id: 'Deploy',
            uses: 'aws-actions/aws-cloudformation-github-deploy@v2',
            with: { name: 'integration-Service-users' },
          },
        ],
      },
      'integration-Smoke': {
        name: 'Smoke',
        permissions: { contents: 'read' },
        'runs-on': 'ubuntu-latest',
        needs: [
          'integration-Environment-Deploy',
          'integration-Environment-Deploy',
          'integration-Service-users-Deploy',
        ],
        env: {
          SMOKE_STAGE: 'integration',
          SMOKE_API_URL: '${{ needs.integration-Environment-Deploy.outputs.ApiUrl }}',
        },
        steps: [{ name: 'Install', run: 'npm ci' }, { run: 'npm run smoke' }],
      },
    },
  };
}

describe('Function: patchDeployWorkflow', () => {
  const workflow = patchDeployWorkflow(stringify(libraryWorkflow()));
  const jobs = workflow.jobs;

  it('lists each needed job once and drops empty needs and env', () => {
    expect(jobs['integration-Smoke']?.needs).toEqual([
      'integration-Environment-Deploy',
      'integration-Service-users-Deploy',
    ]);
    expect(jobs['Build-Synth']).not.toHaveProperty('needs');
    expect(jobs['Build-Synth']).not.toHaveProperty('env');
  });

  it('checks out and sets up Node.js before the smoke suite, and names the job after its stage', () => {
    const smoke = jobs['integration-Smoke'];
    expect(smoke?.name).toBe('Smoke integration');
    expect(smoke?.steps.map((step) => step.name)).toEqual([
      'Check out',
      'Set up Node.js 20',
      'Install',
      'Run the smoke suite',
    ]);
  });

  it('assumes the deploy role by role chaining instead of passing keys as inputs', () => {
    const step = jobs['integration-Environment-Deploy']?.steps[0];
    expect(step?.with).toEqual({
      'aws-region': 'eu-west-1',
      'role-to-assume': 'arn:aws:iam::111111111111:role/cdk-hnb659fds-deploy-role',
      'role-chaining': true,
    });
  });

  it("names deploy jobs by stack and shows the API URL only on the environment stack's job", () => {
    expect(jobs['integration-Environment-Deploy']?.name).toBe('Deploy integration-Environment');
    expect(jobs['integration-Environment-Deploy']?.environment).toEqual({
      name: 'integration',
      url: '${{ steps.Deploy.outputs.ApiUrl }}',
    });
    expect(jobs['integration-Service-users-Deploy']?.environment).toBe('integration');
  });

  it('downloads the assembly to cdk.out, where the publish scripts expect it', () => {
    expect(jobs['Assets-FileAsset1']?.steps[0]?.with?.['path']).toBe('cdk.out');
  });

  it('gives every job a timeout and the workflow no permissions of its own', () => {
    expect(workflow.permissions).toEqual({});
    expect(Object.values(jobs).map((job) => job['timeout-minutes'])).toEqual([30, 15, 60, 60, 15]);
  });
});

describe('Function: deployJobKind', () => {
  it('refuses a job it does not know, so a new library version gets reviewed', () => {
    expect(() => deployJobKind('Mystery', { steps: [{ uses: 'actions/cache@v4' }] })).toThrow(
      'patchDeployWorkflow does not know (Mystery)',
    );
  });
});
