/** What the suite runs against, read from the environment once. */
export interface E2eTarget {
  readonly webUrl: string;
  readonly internalUrl: string;
  readonly user: string;
  readonly admin: string;
  /** Set for Cognito's hosted UI; undefined for the dev issuer's one-click login page. */
  readonly password: string | undefined;
  readonly screenshotDir: string | undefined;
}

function url(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const value = env[name]?.trim();
  if (value === undefined || value === '') {
    throw new Error(
      `${name} is not set: give the app's URL, e.g. ${name}=${example} npm run e2e -w @stack/e2e`,
    );
  }
  try {
    return new URL(value).toString();
  } catch {
    throw new Error(`${name} is not a URL: ${JSON.stringify(value)}`);
  }
}

const optional = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The target of the suite from WEB_URL, INTERNAL_URL, E2E_USER, E2E_ADMIN, E2E_PASSWORD, E2E_SCREENSHOTS. */
export function e2eTarget(env: NodeJS.ProcessEnv): E2eTarget {
  return {
    webUrl: url(env, 'WEB_URL', 'http://localhost:3000'),
    internalUrl: url(env, 'INTERNAL_URL', 'http://localhost:3001'),
    user: optional(env.E2E_USER) ?? 'alice',
    admin: optional(env.E2E_ADMIN) ?? 'ada',
    password: optional(env.E2E_PASSWORD),
    screenshotDir: optional(env.E2E_SCREENSHOTS),
  };
}
