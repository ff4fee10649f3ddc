/**
 * Builds the web apps' static exports (`web/app/out`, `web/internal/out`), which the environment
 * stack deploys to its sites. Runs before every synthesis that deploys.
 */
export const BUILD_WEB_EXPORTS_COMMAND = 'npm run build -w @stack/web-app -w @stack/web-internal';

/**
 * stack-env's context key that turns a missing web export into a synth error instead of a
 * placeholder page: a deployment must never ship the placeholder.
 */
export const REQUIRE_WEB_EXPORTS_CONTEXT = 'requireWebExports';

/**
 * The environment that sets that context for an app run without the CDK CLI (`npm run synth`):
 * aws-cdk-lib's App reads context from CDK_CONTEXT_JSON. (Under `cdk`, pass
 * `--context requireWebExports=true` instead: the CLI sets that variable itself.)
 */
export const REQUIRE_WEB_EXPORTS_ENV: Readonly<Record<string, string>> = {
  CDK_CONTEXT_JSON: JSON.stringify({ [REQUIRE_WEB_EXPORTS_CONTEXT]: true }),
};
