import type { RunStep, UsesStep } from './Workflow.js';

/** `actions/checkout`, at `ref` when given (an expression in `with:` is not script injection). */
export function checkoutStep(ref?: string): UsesStep {
  return { name: 'Check out', uses: 'actions/checkout@v4', ...(ref && { with: { ref } }) };
}

// Each helper returns a new object: the YAML writer turns an object used twice into an
// anchor and an alias, which GitHub does not accept.

/** Node.js 20 with npm's download cache keyed on package-lock.json. */
export function setupNodeStep(): UsesStep {
  return {
    name: 'Set up Node.js 20',
    uses: 'actions/setup-node@v4',
    with: { 'node-version': 20, cache: 'npm' },
  };
}

/** `npm ci`, with the id later steps test to know the tools are there. */
export function installStep(): RunStep {
  return { name: 'Install dependencies', id: 'install', run: 'npm ci --no-audit --no-fund' };
}

/** What `assumeRoleStep` needs. */
export interface AssumeRole {
  readonly name: string;
  readonly roleArn: string;
  readonly region: string;
  /** Shown in CloudTrail as the session name; may hold expressions (it is an action input). */
  readonly sessionName: string;
  /** Assume it with the credentials of the step before (role chaining), not with GitHub's token. */
  readonly chained?: boolean;
}

/**
 * Short-lived AWS credentials: GitHub's OIDC token exchanged for `roleArn` (the job needs
 * `id-token: write`), or with `chained` the previous role's credentials exchanged for it. No
 * workflow holds static keys.
 */
export function assumeRoleStep(role: AssumeRole): UsesStep {
  return {
    name: role.name,
    uses: 'aws-actions/configure-aws-credentials@v4',
    with: {
      'role-to-assume': role.roleArn,
      'aws-region': role.region,
      'role-session-name': role.sessionName,
      // Chained: no session tags, so the target's trust policy needs to allow sts:AssumeRole
      // only, not sts:TagSession too.
      ...(role.chained && { 'role-chaining': true, 'role-skip-session-tagging': true }),
    },
  };
}

/** The CDK's default bootstrap qualifier: part of every bootstrap role's name. */
export const CDK_QUALIFIER = 'hnb659fds';

/** A role `cdk bootstrap` created in `account` and `region` (`deploy`, `cfn-exec`, …). */
export function cdkBootstrapRoleArn(
  kind: 'deploy' | 'cfn-exec',
  account: string,
  region: string,
): string {
  return `arn:aws:iam::${account}:role/cdk-${CDK_QUALIFIER}-${kind}-role-${account}-${region}`;
}

/** Environment of every step that runs the CDK CLI: no telemetry (as cdk.json says where there is one). */
export function cdkEnv(): Record<string, string> {
  return { CDK_DISABLE_CLI_TELEMETRY: 'true' };
}
