/** The organization's accounts (`pipelines/accounts.yaml`). */
export interface Accounts {
  /** Purpose → 12-digit account id. */
  readonly accounts: Readonly<Record<AccountPurpose, string>>;
  /** Where the pipeline runs from. */
  readonly pipeline: {
    /** The purpose whose account holds the GitHub OIDC role. */
    readonly account: AccountPurpose;
    /** Its account id. */
    readonly accountId: string;
    /** The region of the pipeline's own resources (the OIDC role, asset publishing). */
    readonly region: string;
    /** Name of the IAM role GitHub Actions assumes. */
    readonly githubRoleName: string;
    /** `arn:aws:iam::<accountId>:role/<githubRoleName>`. */
    readonly githubRoleArn: string;
  };
  /** The GitHub repository the pipeline's roles trust; absent until a fork sets it. */
  readonly github?: {
    /** `owner/name`: only its workflows may assume the roles (OIDC subject `repo:owner/name:*`). */
    readonly repository: string;
  };
}

/** The purposes every organization has, one account each. */
export const ACCOUNT_PURPOSES = [
  'integration',
  'production-single-tenant',
  'production-multi-tenant',
  'preview',
  'developer',
  'monitoring',
  'logs',
] as const;

/** One of `ACCOUNT_PURPOSES`. */
export type AccountPurpose = (typeof ACCOUNT_PURPOSES)[number];
