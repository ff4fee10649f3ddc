// Names shared by the GitHub OIDC stack and the workflows that use its roles. A module of its own
// so generating workflows does not load aws-cdk-lib.

/** GitHub Actions' OIDC issuer (docs.github.com: "Configuring OpenID Connect in Amazon Web Services"). */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The role bootstrap.yml's account jobs take first; only the GitHub environment `bootstrap` may. */
export const GITHUB_BOOTSTRAP_ROLE_NAME = 'stack-github-bootstrap';

/**
 * The administrator role bootstrap.yml assumes in each account to run `cdk bootstrap` there.
 * Created once per account by hand (pipelines/README.md, "Bootstrapping the accounts"), trusting
 * only GITHUB_BOOTSTRAP_ROLE_NAME of the pipeline account.
 */
export const ACCOUNT_BOOTSTRAP_ROLE_NAME = 'stack-bootstrap';

/** The GitHub environment whose jobs may take the bootstrap role (protect it with reviewers). */
export const BOOTSTRAP_ENVIRONMENT = 'bootstrap';

/** The roles `cdk bootstrap` creates that deployments use, by their `aws-cdk:bootstrap-role` tag. */
export const CDK_BOOTSTRAP_ROLES = ['deploy', 'file-publishing', 'image-publishing', 'lookup'];
