import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: esbuild's project root and where the lock file lives. Resolved from this
 * file, so synth works from any working directory (the pipeline, jest, a developer's shell).
 */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The lock file NodejsFunction hashes and bundles against. */
export const LOCK_FILE = join(REPOSITORY_ROOT, 'package-lock.json');

/**
 * Entry files of the Lambdas this template deploys. The template references the services'
 * sources only as paths to bundle; it never imports their code. The custom resource function
 * and the table-change publisher are the template's own, next to `infrastructure/`.
 */
export const FUNCTION_ENTRIES = {
  /** The federated GraphQL router behind the HTTP API. */
  router: join(REPOSITORY_ROOT, 'services/router/src/handler.ts'),
  /** The HTTP API's Lambda authorizer. */
  authorizer: join(REPOSITORY_ROOT, 'services/authorizer/src/handler.ts'),
  /** The deploy-time function that creates the router's secret (the template's own). */
  routerSecretParameter: fileURLToPath(
    new URL('../functions/router-secret-parameter/handler.ts', import.meta.url),
  ),
  /** The table-stream Pipe's target, putting `<Entity><Change>` events on the bus. */
  tableChangePublisher: fileURLToPath(
    new URL('../functions/table-change-publisher/handler.ts', import.meta.url),
  ),
} as const;

/**
 * The web apps' static exports (`next build` with `output: 'export'` writes `out/`), which the
 * environment's sites deploy. The pipeline builds them before synthesizing a deployment.
 */
export const WEB_EXPORTS = {
  public: { workspace: 'web/app', directory: join(REPOSITORY_ROOT, 'web/app/out') },
  internal: { workspace: 'web/internal', directory: join(REPOSITORY_ROOT, 'web/internal/out') },
} as const;
