import { ENVIRONMENT_PARAMETERS } from '@stack/stack-env-v1/environmentParameters';
import type { ReferableValue } from '@stack/stack-env-v1/environmentReferences';
import type { LocalStageModel } from './LocalStageModel.js';

/**
 * Records the local stage's own URLs as the values of the environment parameters that publish
 * them (the API, and the sites when hosting is on), so a service variable such as
 * `APP_URL: ${environment.publicSiteUrl}` points at the local web app, as it points at the
 * CloudFront site in the cloud. A URL whose parameter the stage does not define is skipped.
 */
export function recordPublishedUrls(
  model: LocalStageModel,
  stageName: string,
  urls: Readonly<Record<ReferableValue, string>>,
): void {
  const names = ENVIRONMENT_PARAMETERS(stageName);
  for (const [value, url] of Object.entries(urls) as [ReferableValue, string][])
    model.recordParameterValue(names[value], url);
}
