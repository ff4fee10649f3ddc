import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { e2eTarget } from '../src/e2eTarget.js';
import { saveScreenshot } from '../src/saveScreenshot.js';
import { signIn } from '../src/signIn.js';

const target = e2eTarget(process.env);
// One review travels through the whole suite: posted by the user, deleted by the admin.
const reviewText = `E2E review ${randomUUID()}`;

test.describe.configure({ mode: 'serial' });

test.describe('A review from the public app to moderation', () => {
  test('a signed-in user sees the products and posts a review on a product page', async ({
    page,
  }) => {
    // Prepare
    await page.goto(target.webUrl);
    await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
    await signIn(page, target, target.user);

    // Act: the list, then the first product
    const products = page.locator('.product-grid li');
    await expect(products.first()).toBeVisible();
    await saveScreenshot(page, target, 'products');
    await products.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/product\/?\?id=/);
    await page.getByLabel('Rating').selectOption('4');
    await page.getByLabel('Your review').fill(reviewText);
    await page.getByRole('button', { name: 'Post review' }).click();

    // Assess
    await expect(page.getByText('Thanks, your review is posted.')).toBeVisible();
    const review = page.locator('.review', { hasText: reviewText });
    await expect(review).toBeVisible();
    await expect(review.getByLabel('4 out of 5 stars')).toBeVisible();
    await expect(review.getByRole('button', { name: 'Delete my review' })).toBeVisible();
    await saveScreenshot(page, target, 'product');
  });

  test('an admin deletes the review on the internal app', async ({ page }) => {
    // Prepare
    await page.goto(target.internalUrl);
    await signIn(page, target, target.admin);
    await expect(page.getByRole('heading', { name: 'Review moderation' })).toBeVisible();
    const review = page.locator('.review', { hasText: reviewText });
    await expect(review).toBeVisible();
    await saveScreenshot(page, target, 'moderation');

    // Act
    await review.getByRole('button', { name: /^Delete review/ }).click();

    // Assess
    await expect(review).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Review moderation' })).toBeVisible();
    await expect(page.locator('.review').first()).toBeVisible();
    await expect(page.locator('.review', { hasText: reviewText })).toHaveCount(0);
  });

  test('an admin sees the ratings per product', async ({ page }) => {
    // Act
    await page.goto(target.internalUrl);
    await signIn(page, target, target.admin);
    await page.getByRole('link', { name: 'Analytics' }).click();

    // Assess
    await expect(page.getByRole('heading', { name: 'Ratings per product' })).toBeVisible();
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  });

  test('a user without the admin group is refused on the internal app', async ({ page }) => {
    // Act
    await page.goto(target.internalUrl);
    await signIn(page, target, target.user);

    // Assess
    await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Review moderation' })).toHaveCount(0);
  });

  test('a user signs out through the hosted UI and stays signed out after a reload', async ({
    page,
  }) => {
    // Prepare
    await page.goto(target.webUrl);
    await signIn(page, target, target.user);
    const logoutRequest = page.waitForRequest(
      (request) =>
        request.isNavigationRequest() && new URL(request.url()).pathname.endsWith('/logout'),
    );

    // Act: the app forgets its tokens, then the hosted UI's /logout sends the browser back.
    await page.getByRole('button', { name: 'Sign out' }).click();
    const logout = new URL((await logoutRequest).url());
    await page.waitForURL((url) => url.origin === new URL(target.webUrl).origin);

    // Assess: the hosted UI ended its session too (its /logout, told where to return).
    await expect(page.getByRole('button', { name: 'Sign in', exact: true }).first()).toBeVisible();
    expect(logout.searchParams.get('logout_uri')).toBe(`${new URL(target.webUrl).origin}/`);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });
});
