import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import type { BundledFunction } from './BundledFunction.js';
import { ESM_REQUIRE_BANNER } from '@stack/stack-env-v1/esmRequireBanner';
import {
  LAMBDA_BUNDLE_ALIASES,
  LAMBDA_NODE_TARGET,
  LAMBDA_RESOLVE_EXTENSIONS,
} from '@stack/stack-env-v1/lambdaBundleOptions';

/** Where and what to bundle. */
export interface BundleFunctionOptions {
  readonly repoRoot: string;
  readonly name: string;
  /** The handler file, absolute or relative to the repository root. */
  readonly entry: string;
  readonly outDir: string;
}

/** esbuild's target: the functions' runtime, one constant with the CDK functions. */
export { LAMBDA_NODE_TARGET };

/** Bundles one Lambda handler into a single minified ES module, `<outDir>/<name>/index.mjs`. */
export async function bundleFunction(options: BundleFunctionOptions): Promise<BundledFunction> {
  const entry = resolve(options.repoRoot, options.entry);
  const outfile = join(resolve(options.outDir), options.name, 'index.mjs');
  try {
    const result = await build({
      // Metafile paths become repository-relative, so the report reads the same on every machine.
      absWorkingDir: options.repoRoot,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      target: LAMBDA_NODE_TARGET,
      format: 'esm',
      minify: true,
      // A .map beside the bundle rather than inline, so the bundle's size is the code's size.
      // linked: a separate .map (sizes measure code only) plus the sourceMappingURL comment that
      // NODE_OPTIONS=--enable-source-maps needs to map Lambda stack traces back to TypeScript.
      sourcemap: 'linked',
      // ESM builds first: they tree-shake, and a package reached by both require and import
      // (graphql) then resolves to one copy. `conditions: ['module']` was tried and changed no
      // byte, so it is not set.
      mainFields: ['module', 'main'],
      // The same leave-outs and resolution order as the deployed functions (see there).
      alias: { ...LAMBDA_BUNDLE_ALIASES },
      resolveExtensions: [...LAMBDA_RESOLVE_EXTENSIONS],
      banner: { js: ESM_REQUIRE_BANNER },
      // Nothing is external, not even @aws-sdk/* which the Lambda runtime provides: the bundled
      // SDK is the version the tests ran against, and one file loads faster at cold start than
      // the runtime's SDK spread over hundreds of files.
      external: [],
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      metafile: true,
      logLevel: 'silent',
    });
    return { name: options.name, outfile, metafile: result.metafile, warnings: result.warnings };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `bundling ${options.name} (${options.entry}) failed: ${detail}\nfix the errors listed above and run npx stack build again`,
      { cause: error },
    );
  }
}
