import { fileURLToPath } from 'node:url';
import { isRecord } from '../specs/isRecord.js';
import { readSpecDocument } from '../specs/SpecDocument.js';
import { SpecError, type SpecProblem } from '../specs/SpecError.js';
import { ACCOUNT_PURPOSES, type AccountPurpose, type Accounts } from './Accounts.js';

/** The repository's accounts file. */
export const defaultAccountsFile = fileURLToPath(new URL('../../accounts.yaml', import.meta.url));

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
// GitHub's rules: owner 1-39 letters, digits and dashes; repository name letters, digits, . _ -.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const TOP_LEVEL_KEYS = ['accounts', 'pipeline', 'github'];

/**
 * Reads and checks `pipelines/accounts.yaml`: every purpose has a 12-digit id, ids are
 * distinct, the pipeline names one of the purposes, and `github.repository` (optional) is an
 * `owner/name`. Throws a SpecError listing every problem with its line, column and path.
 */
export function loadAccounts(file: string = defaultAccountsFile): Accounts {
  const document = readSpecDocument(file);
  if (document.syntaxProblems.length > 0) throw new SpecError(document.syntaxProblems, 'accounts');
  const problems: SpecProblem[] = [];
  const problem = (path: (string | number)[], message: string) =>
    problems.push({ file, ...document.locate(path), path: pointer(path), message });
  const data = document.data as Record<string, unknown> | undefined;
  const accounts = (data?.['accounts'] ?? {}) as Record<string, unknown>;
  const pipeline = (data?.['pipeline'] ?? {}) as Record<string, unknown>;
  const github = data?.['github'];

  for (const key of Object.keys(data ?? {})) {
    if (!TOP_LEVEL_KEYS.includes(key))
      problem([key], `unknown key "${key}" (${TOP_LEVEL_KEYS.join(', ')})`);
  }
  const seen = new Map<string, string>();
  for (const purpose of ACCOUNT_PURPOSES) {
    const id = accounts[purpose];
    if (typeof id !== 'string' || !ACCOUNT_ID.test(id)) {
      problem(
        ['accounts', purpose],
        `must be a 12-digit account id in quotes, got ${JSON.stringify(id ?? null)}`,
      );
    } else if (seen.has(id)) {
      problem(
        ['accounts', purpose],
        `is the same account as ${seen.get(id)}; one account per purpose`,
      );
    } else {
      seen.set(id, purpose);
    }
  }
  for (const key of Object.keys(accounts)) {
    if (!(ACCOUNT_PURPOSES as readonly string[]).includes(key)) {
      problem(['accounts', key], `unknown purpose "${key}" (${ACCOUNT_PURPOSES.join(', ')})`);
    }
  }
  const purpose = pipeline['account'];
  if (typeof purpose !== 'string' || !(ACCOUNT_PURPOSES as readonly string[]).includes(purpose)) {
    problem(
      ['pipeline', 'account'],
      `must name one of the purposes (${ACCOUNT_PURPOSES.join(', ')})`,
    );
  }
  const region = pipeline['region'];
  if (typeof region !== 'string' || !REGION.test(region)) {
    problem(
      ['pipeline', 'region'],
      `must be an AWS region such as eu-west-1, got ${JSON.stringify(region ?? null)}`,
    );
  }
  const roleName = pipeline['githubRoleName'];
  if (typeof roleName !== 'string' || !ROLE_NAME.test(roleName)) {
    problem(
      ['pipeline', 'githubRoleName'],
      'must be an IAM role name (1-64 letters, digits, +=,.@_-)',
    );
  }
  const repository = isRecord(github) ? github['repository'] : undefined;
  if (github !== undefined && (typeof repository !== 'string' || !REPOSITORY.test(repository))) {
    problem(
      ['github', 'repository'],
      `must be the GitHub repository as owner/name (e.g. acme/the-stack), got ${JSON.stringify(repository ?? null)}`,
    );
  }
  for (const key of Object.keys(isRecord(github) ? github : {})) {
    if (key !== 'repository') problem(['github', key], `unknown key "${key}" (repository)`);
  }
  if (problems.length > 0) throw new SpecError(problems, 'accounts');

  const typedAccounts = accounts as Record<AccountPurpose, string>;
  const accountId = typedAccounts[purpose as AccountPurpose];
  return {
    accounts: typedAccounts,
    pipeline: {
      account: purpose as AccountPurpose,
      accountId,
      region: region as string,
      githubRoleName: roleName as string,
      githubRoleArn: `arn:aws:iam::${accountId}:role/${roleName as string}`,
    },
    ...(typeof repository === 'string' && { github: { repository } }),
  };
}

/** The account id of local-only environments (wave 0), which never deploy anywhere. */
export const LOCAL_ACCOUNT = '000000000000';

/**
 * Checks that every environment deploys into a listed account (local ones excepted): a typo
 * in a spec's account must fail synth, not deploy into a stranger's account.
 */
export function checkEnvironmentAccounts(
  environments: readonly {
    readonly name: string;
    readonly file: string;
    readonly account: string;
  }[],
  accounts: Accounts,
): void {
  const known = new Set(Object.values(accounts.accounts));
  const listed = Object.entries(accounts.accounts)
    .map(([purpose, id]) => `${purpose} ${id}`)
    .join(', ');
  const problems: SpecProblem[] = environments
    .filter(
      (environment) => environment.account !== LOCAL_ACCOUNT && !known.has(environment.account),
    )
    .map((environment) => {
      const located = readSpecDocument(environment.file).locate(['account']);
      return {
        file: environment.file,
        ...located,
        path: '/account',
        message: `account ${environment.account} is not in pipelines/accounts.yaml (${listed})`,
      };
    });
  if (problems.length > 0) throw new SpecError(problems);
}

function pointer(path: readonly (string | number)[]): string {
  return `/${path.join('/')}`;
}
