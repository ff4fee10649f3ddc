import { expect, test } from '@playwright/test';
import { webUrl } from '../src/smokeTarget.js';

const url = webUrl(process.env.SMOKE_WEB_URL);

test.describe('Web app of the stage', () => {
  test.skip(url === undefined, 'SMOKE_WEB_URL is not set: this stage has no web app to load');

  test('loads the page in Chromium without errors', async ({ page }) => {
    // Prepare
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Act
    const response = await page.goto(url ?? '', { waitUntil: 'load' });

    // Assess
    expect(response?.status()).toBeLessThan(400);
    await expect(page.locator('body')).toBeVisible();
    expect(errors).toEqual([]);
  });
});
