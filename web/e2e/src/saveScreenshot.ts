import type { Page } from '@playwright/test';
import { join } from 'node:path';
import type { E2eTarget } from './e2eTarget.js';

/** Saves a full-page screenshot as `<E2E_SCREENSHOTS>/<name>.png` when that folder is set. */
export async function saveScreenshot(page: Page, target: E2eTarget, name: string): Promise<void> {
  if (target.screenshotDir === undefined) return;
  await page.screenshot({ path: join(target.screenshotDir, `${name}.png`), fullPage: true });
}
