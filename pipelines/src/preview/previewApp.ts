// The CDK app of one pull request's preview environment (docs/previews.md): one stage
// `pr-<number>` built from pipelines/previews/preview.yaml. The CDK CLI runs it:
//   npx cdk deploy  --app "npx tsx pipelines/src/preview/previewApp.ts --pr 12" --all
//   npx cdk destroy --app "npx tsx pipelines/src/preview/previewApp.ts --pr 12" --all --force
// Run alone (`npx tsx pipelines/src/preview/previewApp.ts --pr 12`) it synthesizes into
// .stack/preview/cdk.out, which `npx stack cost --cdk-out .stack/preview/cdk.out --specs
// pipelines/previews --env pr-12` prices. Flags, each with an environment variable for
// workflows (which pass values through env: only):
//   --pr <number>    the pull request (PREVIEW_PR)
//   --days <number>  days until the stack:preview-expires date (PREVIEW_DAYS, default 7)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SpecError } from '../specs/SpecError.js';
import { parsePullRequestNumber } from './pullRequestNumber.js';
import { DEFAULT_PREVIEW_DAYS, defaultPreviewCdkOut, previewExpiry } from './previewSpec.js';

function fail(message: string): never {
  process.stderr.write(`preview: ${message}\n`);
  process.exit(1);
}

let pullRequest: number;
let days = DEFAULT_PREVIEW_DAYS;
try {
  const { values } = parseArgs({
    options: { pr: { type: 'string' }, days: { type: 'string' } },
  });
  pullRequest = parsePullRequestNumber(
    values.pr ?? process.env.PREVIEW_PR,
    values.pr === undefined ? 'PREVIEW_PR' : '--pr',
  );
  const daysText = values.days ?? process.env.PREVIEW_DAYS;
  if (daysText !== undefined && daysText !== '') {
    if (!/^\d+$/.test(daysText)) fail(`--days must be a whole number of days, got "${daysText}"`);
    days = Number(daysText);
    previewExpiry(new Date(), days); // throws unless 1-90
  }
} catch (error) {
  fail((error as Error).message);
}

// Loaded after the arguments are checked: aws-cdk-lib and the templates take seconds to import.
const { buildPreviewApp } = await import('./buildPreviewApp.js');
try {
  const { app } = buildPreviewApp({
    pullRequest,
    days,
    // The CDK CLI says where to write (its --output); alone, the app writes to .stack/.
    outdir: resolve(process.env.CDK_OUTDIR ?? defaultPreviewCdkOut),
  });
  app.synth();
} catch (error) {
  if (error instanceof SpecError) fail(error.message);
  if (error instanceof Error && error.name === 'ValidationFailed') {
    fail(
      `synth failed: cdk-nag or the CloudFormation schemas found problems nobody acknowledged (see pipelines/README.md)\n\n${error.message}`,
    );
  }
  throw error;
}
