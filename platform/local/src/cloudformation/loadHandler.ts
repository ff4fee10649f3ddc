import { pathToFileURL } from 'node:url';
import type { ModuleImporter } from '../api/loadSubgraphs.js';

/** A Lambda handler as the local cloud calls it: the event in, the result out. */
export type LambdaHandler = (event: unknown, context?: unknown) => Promise<unknown>;

/**
 * Imports a function's entry (source under tsx, or an esbuild bundle; through `importModule` for
 * a fresh instance after a reload) and returns its `handler`.
 */
export async function loadHandler(
  file: string,
  functionName: string,
  importModule?: ModuleImporter,
): Promise<LambdaHandler> {
  const module = importModule
    ? await importModule(file)
    : ((await import(pathToFileURL(file).href)) as Record<string, unknown>);
  if (typeof module.handler !== 'function')
    throw new Error(
      `${file} does not export handler(event), the entry of function ${functionName}`,
    );
  return module.handler as LambdaHandler;
}
