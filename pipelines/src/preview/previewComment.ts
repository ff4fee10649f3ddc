// Prints the body of a pull request's preview comment (preview.yml posts or edits it):
//   --pr <number> --commit <sha> --run-url <url> --docs-url <url>
//   --deploy-outcome <o> [--smoke-outcome <o>]   after a deployment (GitHub step outcomes)
//   --destroy-outcome <o>                        after a destroy
//   --outputs <file>  what `cdk deploy --outputs-file` wrote (absent after a failure)
//   --cost <file>     what `stack cost --json` printed (absent after a failure)
//   --days <number>   the preview's lifetime, for the expiry date (PREVIEW_DAYS, default 7)
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePullRequestNumber } from './pullRequestNumber.js';
import { DEFAULT_PREVIEW_DAYS, previewExpiry, previewStageName } from './previewSpec.js';
import {
  previewCostOf,
  previewOutputsOf,
  previewStatus,
  renderPreviewComment,
} from './renderPreviewComment.js';

const { values } = parseArgs({
  options: {
    pr: { type: 'string' },
    commit: { type: 'string', default: '' },
    'run-url': { type: 'string', default: '' },
    'docs-url': { type: 'string', default: '' },
    'deploy-outcome': { type: 'string' },
    'smoke-outcome': { type: 'string' },
    'destroy-outcome': { type: 'string' },
    outputs: { type: 'string' },
    cost: { type: 'string' },
    days: { type: 'string' },
  },
});

/** The file's text, or undefined when it is not there (its step failed or was skipped). */
function readIfThere(file: string | undefined): string | undefined {
  return file !== undefined && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Parses with `parse`; undefined when the file is empty or not JSON (its step failed half-way). */
function parsed<T>(text: string | undefined, parse: (text: string) => T): T | undefined {
  try {
    return text === undefined || text.trim() === '' ? undefined : parse(text);
  } catch {
    return undefined;
  }
}

try {
  const stage = previewStageName(parsePullRequestNumber(values.pr, '--pr'));
  const outputs = parsed(readIfThere(values.outputs), (text) => previewOutputsOf(text, stage));
  const cost = parsed(readIfThere(values.cost), (text) => previewCostOf(text, stage));
  const days = Number(values.days ?? process.env.PREVIEW_DAYS ?? DEFAULT_PREVIEW_DAYS);
  process.stdout.write(
    renderPreviewComment({
      stage,
      status: previewStatus({
        deploy: values['deploy-outcome'],
        smoke: values['smoke-outcome'],
        destroy: values['destroy-outcome'],
      }),
      commit: values.commit,
      runUrl: values['run-url'],
      docsUrl: values['docs-url'],
      ...(outputs && { outputs }),
      ...(cost && { cost }),
      expires: previewExpiry(new Date(), days),
    }),
  );
} catch (error) {
  process.stderr.write(`preview comment: ${(error as Error).message}\n`);
  process.exit(1);
}
