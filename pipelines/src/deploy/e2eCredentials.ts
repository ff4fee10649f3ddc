/**
 * The contract between the deploy pipeline, which runs the web e2e suite (web/e2e) after the
 * stages of the first wave, and `stack e2e-users`, which creates the suite's Cognito users in a
 * deployed stage: their user names, and the repository secret holding their password.
 */

/** The suite's user without the admin group: posts a review on the public app. */
export const E2E_USER = 'e2e-user';

/** The suite's user in the `admin` group: deletes that review on the internal app. */
export const E2E_ADMIN = 'e2e-admin';

/**
 * The GitHub repository secret with the password of both e2e users of `stageName`, e.g.
 * `E2E_PASSWORD_INTEGRATION`. Secret names allow only letters, digits and underscores, so the
 * stage name's hyphens become underscores.
 */
export function e2ePasswordSecret(stageName: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(stageName)) {
    throw new Error(
      `e2ePasswordSecret: ${JSON.stringify(stageName)} is not a stage name (lower-case letters, digits and hyphens, starting with a letter)`,
    );
  }
  return `E2E_PASSWORD_${stageName.toUpperCase().replaceAll('-', '_')}`;
}
