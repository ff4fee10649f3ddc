import {
  defaultServicesRoot,
  defaultServiceTemplatesRoot,
  defaultSpecsDir,
  defaultTemplatesRoot,
} from '@stack/pipelines';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthInputsHash } from './synthInputsHash.js';

/** The repository root, resolved from this file. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** How to synthesize the local stage. */
export interface SynthLocalStageOptions {
  /** Where the cache lives: `<stateDir>/cdk.out/`. */
  readonly stateDir: string;
  /** The environment to synthesize; default `local`. */
  readonly environment?: string;
  /** Services folder; default the repository's `services/`. */
  readonly servicesRoot?: string;
  /** Bundle every function with esbuild (for `--bundled`); slower, so off by default. */
  readonly bundled?: boolean;
}

/** A synthesized stage, fresh or from the cache. */
export interface SynthesizedStage {
  /** The cloud assembly directory. */
  readonly directory: string;
  readonly cached: boolean;
  readonly millis: number;
}

/** The environment (pipelines/environments/local.yaml) the local cloud runs by default. */
export const LOCAL_ENVIRONMENT = 'local';

/**
 * Synthesizes one environment's stage as the pipeline does (same specs, templates and
 * `addEnvironmentStacks`), without cdk-nag (the pipeline's synth checks that) and, unless
 * `bundled`, without esbuild bundling, into `.stack/cdk.out/`. The result is reused while a
 * hash of its inputs (specs, templates, pipelines code, lock file; with bundles also the
 * services' and kit's sources) is unchanged, so a second start skips the synthesis.
 */
export async function synthLocalStage(options: SynthLocalStageOptions): Promise<SynthesizedStage> {
  const started = performance.now();
  const environment = options.environment ?? LOCAL_ENVIRONMENT;
  const servicesRoot = options.servicesRoot ?? defaultServicesRoot;
  const mode = options.bundled ? 'bundled' : 'source';
  const inputs = [
    defaultSpecsDir,
    defaultTemplatesRoot,
    defaultServiceTemplatesRoot,
    join(REPOSITORY_ROOT, 'pipelines', 'src'),
    join(REPOSITORY_ROOT, 'package-lock.json'),
    ...serviceSpecFiles(servicesRoot),
    ...(options.bundled ? [servicesRoot, join(REPOSITORY_ROOT, 'platform', 'kit', 'src')] : []),
  ];
  const hash = synthInputsHash(REPOSITORY_ROOT, inputs, `${environment}:${mode}:${servicesRoot}`);
  const cacheDir = join(options.stateDir, 'cdk.out');
  const directory = join(cacheDir, `${environment}-${mode}`);
  const hashFile = `${directory}.hash`;
  if (existsSync(directory) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash)
    return { directory, cached: true, millis: performance.now() - started };

  mkdirSync(cacheDir, { recursive: true });
  const scratch = `${directory}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  // Loaded only on a cache miss: aws-cdk-lib and the templates take seconds to import.
  const { synthStage } = await import('./synthStage.js');
  await synthStage({
    outdir: scratch,
    environment,
    servicesRoot,
    bundled: options.bundled ?? false,
  });
  rmSync(directory, { recursive: true, force: true });
  renameSync(scratch, directory);
  writeFileSync(hashFile, hash);
  return { directory, cached: false, millis: performance.now() - started };
}

function serviceSpecFiles(servicesRoot: string): string[] {
  if (!existsSync(servicesRoot)) return [];
  return readdirSync(servicesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(servicesRoot, entry.name, 'service.yaml'));
}
