import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PipeTarget } from './startTableStreamPipe.js';

/** The repository root, resolved from this file. */
const REPOSITORY_ROOT = new URL('../../../../', import.meta.url).pathname;

/**
 * The table-stream Pipe's target as the environment template deploys it
 * (`environment-templates/stack-env/v1/functions/table-change-publisher/handler.ts`), loaded
 * from source. It reads EVENT_BUS_NAME and the EventBridge endpoint from the environment when
 * loaded, as the Lambda does at cold start, so set them first.
 */
export async function loadPublisher(root: string = REPOSITORY_ROOT): Promise<PipeTarget> {
  const file = join(
    root,
    'environment-templates/stack-env/v1/functions/table-change-publisher/handler.ts',
  );
  const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') {
    throw new Error(`${file} does not export handler(records), the table-stream Pipe's target`);
  }
  return module.handler as PipeTarget;
}
