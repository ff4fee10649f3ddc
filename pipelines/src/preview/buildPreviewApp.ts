import { type App, Stage, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { loadAccounts } from '../accounts/loadAccounts.js';
import { addEnvironmentStacks } from '../buildApp.js';
import { newStackApp } from '../newStackApp.js';
import {
  defaultServicesRoot,
  defaultServiceTemplatesRoot,
  defaultSpecsDir,
  defaultTemplatesRoot,
} from '../paths.js';
import type { EnvironmentSpec } from '../specs/EnvironmentSpec.js';
import { loadEnvironmentSpecs } from '../specs/loadEnvironmentSpecs.js';
import { loadServiceSpecs } from '../specs/loadServiceSpecs.js';
import { readSpecDocument } from '../specs/SpecDocument.js';
import { SpecError } from '../specs/SpecError.js';
import { checkPullRequestNumber } from './pullRequestNumber.js';
import {
  DEFAULT_PREVIEW_DAYS,
  defaultPreviewsDir,
  loadPreviewSpec,
  PREVIEW_TAGS,
  previewExpiry,
} from './previewSpec.js';

/** What `buildPreviewApp` builds. */
export interface BuildPreviewAppOptions {
  /** The pull request the preview belongs to; the stage is `pr-<number>`. */
  readonly pullRequest: number;
  /** The cloud assembly folder `app.synth()` writes. */
  readonly outdir: string;
  /** Days until the expiry tag's date; default `DEFAULT_PREVIEW_DAYS`. */
  readonly days?: number;
  /** The deployment time the expiry counts from; default now. */
  readonly now?: Date;
  /** Folder of `preview.yaml`; default `pipelines/previews`. */
  readonly previewsDir?: string;
  /** The long-lived environments, which service specs may name; default `pipelines/environments`. */
  readonly specsDir?: string;
  readonly templatesRoot?: string;
  readonly servicesRoot?: string;
  readonly serviceTemplatesRoot?: string;
  /** Default `pipelines/accounts.yaml`: the preview must deploy into its `preview` account. */
  readonly accountsFile?: string;
  /** Extra CDK context, e.g. `{ 'aws:cdk:bundling-stacks': [] }` to skip asset bundling. */
  readonly context?: Readonly<Record<string, unknown>>;
}

/** The built app and what went into it. */
export interface PreviewApp {
  readonly app: App;
  readonly stage: Stage;
  /** `preview.yaml` renamed `pr-<number>`. */
  readonly spec: EnvironmentSpec;
  /** The `stack:preview-expires` date on every stack. */
  readonly expires: string;
}

/**
 * Builds the CDK app of one pull request's preview: a single Stage `pr-<number>` from
 * `pipelines/previews/preview.yaml` and every service spec, filled by `addEnvironmentStacks`
 * exactly as a long-lived environment is, with every stack tagged `stack:pull-request` and
 * `stack:preview-expires`, and cdk-nag's packs checking every resource (as `buildApp`). Throws
 * SpecError for an invalid spec, or when the preview spec's account is not the preview account.
 */
export function buildPreviewApp(options: BuildPreviewAppOptions): PreviewApp {
  const pullRequest = checkPullRequestNumber(options.pullRequest);
  const templatesRoot = options.templatesRoot ?? defaultTemplatesRoot;
  const spec = loadPreviewSpec(
    pullRequest,
    options.previewsDir ?? defaultPreviewsDir,
    templatesRoot,
  );
  checkPreviewAccount(spec, loadAccounts(options.accountsFile).accounts.preview);
  const environments = loadEnvironmentSpecs(options.specsDir ?? defaultSpecsDir, templatesRoot);
  const clash = environments.find((environment) => environment.name === spec.name);
  if (clash) {
    throw new Error(
      `${clash.file}: the environment ${clash.name} has the name of a preview stage; rename it (pr-<number> is for previews)`,
    );
  }
  // Validated against the long-lived environments too, so an override naming one of them is
  // valid here as in synth; the preview takes each service's spec without overrides.
  const services = loadServiceSpecs(
    options.servicesRoot ?? defaultServicesRoot,
    options.serviceTemplatesRoot ?? defaultServiceTemplatesRoot,
    [...environments, spec],
  );

  // As buildApp: unacknowledged cdk-nag errors and CloudFormation schema errors fail synth.
  const app = newStackApp(options.outdir, options.context);
  const stage = new Stage(app, spec.name, { env: { account: spec.account, region: spec.region } });
  addEnvironmentStacks(stage, spec, services);
  const expires = previewExpiry(options.now ?? new Date(), options.days ?? DEFAULT_PREVIEW_DAYS);
  // Stack tags: CloudFormation copies them onto every resource, and the sweeper reads them
  // from DescribeStacks.
  Tags.of(stage).add(PREVIEW_TAGS.pullRequest, String(pullRequest));
  Tags.of(stage).add(PREVIEW_TAGS.expires, expires);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stage, spec, expires };
}

function checkPreviewAccount(spec: EnvironmentSpec, previewAccount: string): void {
  if (spec.account === previewAccount) return;
  throw new SpecError([
    {
      file: spec.file,
      ...readSpecDocument(spec.file).locate(['account']),
      path: '/account',
      message: `previews deploy into the preview account of pipelines/accounts.yaml (${previewAccount}), got ${spec.account}`,
    },
  ]);
}
