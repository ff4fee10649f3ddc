import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * How a static export names a page: `account.html` (Next's default) or `account/index.html`
 * (`trailingSlash: true`).
 */
export type ExportLayout = 'file' | 'directory';

const SOURCE = fileURLToPath(new URL('./cleanUrls.js', import.meta.url));
const LAYOUT_LINE = "var LAYOUT = 'file';";

/** The clean-URL CloudFront Function's code for an export of the given layout. */
export function cleanUrlsFunctionCode(layout: ExportLayout): string {
  const source = readFileSync(SOURCE, 'utf8');
  if (!source.includes(LAYOUT_LINE)) {
    throw new Error(`${SOURCE} must contain the line ${LAYOUT_LINE} (synth replaces it)`);
  }
  return source.replace(LAYOUT_LINE, `var LAYOUT = '${layout}';`);
}
