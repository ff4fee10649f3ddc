import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvironmentSpec } from '../specs/EnvironmentSpec.js';
import { loadEnvironmentSpecs } from '../specs/loadEnvironmentSpecs.js';
import { readSpecDocument } from '../specs/SpecDocument.js';
import { SpecError } from '../specs/SpecError.js';
import { checkPullRequestNumber } from './pullRequestNumber.js';

/** The folder of the preview's base spec: `pipelines/previews/` (not `environments/`). */
export const defaultPreviewsDir = fileURLToPath(new URL('../../previews', import.meta.url));

/** The base spec every preview is built from, inside the previews folder. */
export const PREVIEW_SPEC_FILE = 'preview.yaml';

/**
 * Where a preview's cloud assembly goes when the app runs on its own (the CDK CLI passes its
 * own `--output`); `.stack/` is git-ignored and `stack cost --cdk-out` reads it from there.
 */
export const defaultPreviewCdkOut = fileURLToPath(
  new URL('../../../.stack/preview/cdk.out', import.meta.url),
);

/** The tags on every stack of a preview; the sweeper finds previews by them. */
export const PREVIEW_TAGS = {
  /** ISO date (`2026-03-14`): the last day the preview lives unless its pull request is pushed. */
  expires: 'stack:preview-expires',
  /** The pull request number, as a string. */
  pullRequest: 'stack:pull-request',
} as const;

/** Days a preview lives after its last deployment, unless its pull request closes first. */
export const DEFAULT_PREVIEW_DAYS = 7;

/** The stage (and environment) name of a pull request's preview: `pr-12`. */
export function previewStageName(pullRequest: number): string {
  return `pr-${checkPullRequestNumber(pullRequest)}`;
}

/** The expiry tag's value: the UTC date `days` after `now`, as `YYYY-MM-DD`. */
export function previewExpiry(now: Date, days: number): string {
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new Error(`a preview lives 1 to 90 days, got ${String(days)}`);
  }
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The preview spec of one pull request: `<previewsDir>/preview.yaml`, validated like every
 * EnvironmentSpec, renamed `pr-<number>`. Throws SpecError when the file is invalid, is not the
 * only spec in its folder, or is not wave 0 (a preview is never deployed by deploy.yml, and
 * waves 2+ would hide the router's introspection from reviewers).
 */
export function loadPreviewSpec(
  pullRequest: number,
  previewsDir: string,
  templatesRoot: string,
): EnvironmentSpec {
  const file = join(previewsDir, PREVIEW_SPEC_FILE);
  if (!existsSync(file)) {
    throw new SpecError([
      {
        file,
        line: 1,
        column: 1,
        path: '',
        message: `the base spec of every preview is missing; create it (docs/previews.md)`,
      },
    ]);
  }
  const others = readdirSync(previewsDir).filter(
    (name) => /\.ya?ml$/.test(name) && name !== PREVIEW_SPEC_FILE,
  );
  if (others.length > 0) {
    throw new SpecError(
      others.map((name) => ({
        file: join(previewsDir, name),
        line: 1,
        column: 1,
        path: '',
        message: `only ${PREVIEW_SPEC_FILE} belongs here: every preview is built from it; move a long-lived environment to pipelines/environments/`,
      })),
    );
  }
  const [spec] = loadEnvironmentSpecs(previewsDir, templatesRoot);
  if (!spec) throw new Error(`${file}: no spec read`);
  if (spec.wave !== 0) {
    throw new SpecError([
      {
        file,
        ...readSpecDocument(file).locate(['wave']),
        path: '/wave',
        message: `must be 0 for previews (never deployed by deploy.yml; waves 2+ switch the router to production mode), got ${spec.wave}`,
      },
    ]);
  }
  return { ...spec, name: previewStageName(pullRequest) };
}
