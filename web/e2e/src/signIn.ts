import { expect, type Page } from '@playwright/test';
import type { E2eTarget } from './e2eTarget.js';

/**
 * Clicks the app's "Sign in" and completes the hosted UI as `username`: the dev issuer's page has
 * one button per demo user; Cognito's classic hosted UI has a username/password form.
 */
export async function signIn(page: Page, target: E2eTarget, username: string): Promise<void> {
  const origin = new URL(page.url()).origin;
  await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
  await page.waitForURL((url) => url.origin !== origin);
  if (target.password === undefined) {
    await page.getByRole('button', { name: new RegExp(`\\(${username}\\)`) }).click();
  } else {
    // Cognito's classic hosted UI renders the form twice (mobile and desktop); one is visible.
    await page.locator('input[name="username"]:visible').fill(username);
    await page.locator('input[name="password"]:visible').fill(target.password);
    await page.locator('input[name="signInSubmitButton"]:visible').click();
  }
  await page.waitForURL(
    (url) => url.origin === origin && !url.pathname.startsWith('/auth/callback'),
  );
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
