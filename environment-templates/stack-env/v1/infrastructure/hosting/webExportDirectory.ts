import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ExportLayout } from './cleanUrlsFunctionCode.js';

/**
 * The context key that makes a missing web export an error instead of a placeholder. The deploy
 * and preview workflows set it (CDK_CONTEXT_JSON) after building the apps, so a deployment never
 * ships a placeholder; tests and fresh clones synthesize without it.
 */
export const REQUIRE_WEB_EXPORTS_CONTEXT = 'requireWebExports';

/** Which export a site deploys and where `next build` writes it. */
export interface WebExport {
  /** The app's workspace, relative to the repository root (`web/app`). */
  readonly workspace: string;
  /** Absolute path of its static export (`web/app/out`). */
  readonly directory: string;
}

/** The directory a site deploys and how it names pages. */
export interface ResolvedWebExport {
  /** Absolute path of the directory to upload. */
  readonly directory: string;
  /** `file` (`account.html`) or `directory` (`account/index.html`). */
  readonly layout: ExportLayout;
}

/**
 * The directory a site deploys: the app's static export when it was built, otherwise (unless the
 * `requireWebExports` context is true, which makes it an error naming the path and the fix) a
 * generated placeholder page and a synth warning saying so.
 */
export function webExportDirectory(scope: Construct, webExport: WebExport): ResolvedWebExport {
  if (existsSync(join(webExport.directory, 'index.html'))) {
    return { directory: webExport.directory, layout: exportLayout(webExport.directory) };
  }
  const fix = `run \`npm run build -w ${webExport.workspace}\` (next build writes the static export there), then synthesize again`;
  if (isTrue(scope.node.tryGetContext(REQUIRE_WEB_EXPORTS_CONTEXT))) {
    throw new Error(
      `stack-env@1: the static export of ${webExport.workspace} is missing (no index.html in ${webExport.directory}); ${fix}. The context ${REQUIRE_WEB_EXPORTS_CONTEXT}=true makes this an error so no deployment ships a placeholder.`,
    );
  }
  Annotations.of(scope).addWarningV2(
    '@stack/stack-env:webExportMissing',
    `No static export of ${webExport.workspace} at ${webExport.directory}: the site deploys a placeholder page. To deploy the app, ${fix}.`,
  );
  return { directory: placeholderDirectory(webExport.workspace), layout: 'file' };
}

/**
 * `directory` when a page folder holds an `index.html` (`trailingSlash: true`), else `file`.
 * Next's own folders (`_next`, `_not-found`, `404`) do not count: both layouts may have them.
 */
export function exportLayout(directory: string): ExportLayout {
  const pageFolders = readdirSync(directory, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && !entry.name.startsWith('_') && entry.name !== '404',
  );
  return pageFolders.some((folder) => existsSync(join(directory, folder.name, 'index.html')))
    ? 'directory'
    : 'file';
}

/** Context values arrive as booleans from code and as strings from the command line. */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * A directory with the placeholder site: `index.html` and `404.html` saying the app was not built.
 * Its content depends only on the workspace, so the asset hash (and the deployment) is stable.
 */
function placeholderDirectory(workspace: string): string {
  const directory = join(tmpdir(), 'stack-env-web-placeholder', workspace.replaceAll('/', '-'));
  mkdirSync(directory, { recursive: true });
  const page = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Not built</title></head>',
    `<body><h1>${workspace} was not built</h1>`,
    `<p>This site is a placeholder: run <code>npm run build -w ${workspace}</code> before synthesizing, then deploy again.</p>`,
    '</body></html>',
    '',
  ].join('\n');
  for (const file of ['index.html', '404.html']) writeFileSync(join(directory, file), page);
  return directory;
}
