import { fileURLToPath } from 'node:url';

/**
 * esbuild's target for every Lambda bundle: the Node version of the runtime the functions run
 * on (StackFunction's nodejs24.x); esbuild only lowers syntax that version lacks.
 */
export const LAMBDA_NODE_TARGET = 'node24';

/** Stand-in modules, in `bundling/` of this template. */
const unusedModule = fileURLToPath(new URL('../bundling/unusedModule.cjs', import.meta.url));
const nativeFetch = fileURLToPath(new URL('../bundling/nativeFetch.cjs', import.meta.url));
const nodeCreateHash = fileURLToPath(new URL('../bundling/nodeCreateHash.cjs', import.meta.url));
const environmentCredentials = fileURLToPath(
  new URL('../bundling/environmentCredentials.cjs', import.meta.url),
);
const plainTraceMessages = fileURLToPath(
  new URL('../bundling/usageReportingProtobuf.cjs', import.meta.url),
);

/**
 * Packages the Stack's Lambdas import but never call, and what replaces them in a bundle.
 * Almost all come in through @apollo/gateway: it was 4.2 MB minified in the router, and these
 * were 2.2 MB of it, parsed at every cold start.
 *
 * - Composition (`@apollo/composition`): the supergraph is composed at build time
 *   (`stack compose`); the gateway needs it only to compose at run time.
 * - Apollo's usage telemetry (`@opentelemetry/*` metrics, resource detectors, exporter): the
 *   router disables it (APOLLO_TELEMETRY_DISABLED); it would probe cloud metadata endpoints at
 *   cold start and send usage data to Apollo.
 * - Usage-report traces (`@apollo/usage-reporting-protobuf`): the gateway builds trace nodes
 *   for every fetch but reads them only for Apollo usage reporting, which the router disables;
 *   plain objects stand in for them.
 * - Query-plan graphs for debugging (`ts-graphviz`).
 * - HTTP clients (`node-fetch`, `make-fetch-happen`): Node's own fetch serves the gateway.
 * - `@apollo/utils.createhash`: in a bundle it cannot see Node's crypto and hashes with sha.js,
 *   in JavaScript; the stand-in uses node:crypto.
 * - The AWS SDK's default credential chain (`@aws-sdk/credential-provider-node`, with its SSO
 *   and STS clients): on Lambda the credentials are always in the environment.
 *
 * A replaced package fails loudly if a code path does use it (bundling/unusedModule.cjs).
 * This is the one list: `stack build`, the CDK functions and the bench use it, so what is
 * measured is what deploys.
 */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@apollo/composition': unusedModule,
  '@apollo/utils.createhash': nodeCreateHash,
  '@aws-sdk/credential-provider-node': environmentCredentials,
  '@apollo/usage-reporting-protobuf': plainTraceMessages,
  '@opentelemetry/exporter-metrics-otlp-http': unusedModule,
  '@opentelemetry/resource-detector-alibaba-cloud': unusedModule,
  '@opentelemetry/resource-detector-aws': unusedModule,
  '@opentelemetry/resource-detector-azure': unusedModule,
  '@opentelemetry/resource-detector-gcp': unusedModule,
  '@opentelemetry/resources': unusedModule,
  '@opentelemetry/sdk-metrics': unusedModule,
  '@opentelemetry/semantic-conventions/incubating': unusedModule,
  'ts-graphviz': unusedModule,
  'make-fetch-happen': nativeFetch,
  'node-fetch': nativeFetch,
};

/**
 * esbuild's resolve extensions with `.mjs` first. Packages such as graphql ship each module as
 * `x.js` (CommonJS) and `x.mjs` (ESM); CommonJS dependencies deep-require `graphql/language/…`
 * without an extension and got the `.js` copy while ESM code got the `.mjs` one, so bundles held
 * graphql twice (150 KB more, and two copies of its classes, which breaks `instanceof`).
 */
export const LAMBDA_RESOLVE_EXTENSIONS: readonly string[] = ['.mjs', '.js', '.ts', '.json'];

/** The same options as esbuild command-line arguments, for NodejsFunction's `esbuildArgs`. */
export function lambdaEsbuildArgs(): Record<string, string> {
  return {
    '--resolve-extensions': LAMBDA_RESOLVE_EXTENSIONS.join(','),
    ...Object.fromEntries(
      Object.entries(LAMBDA_BUNDLE_ALIASES).map(([name, path]) => [`--alias:${name}`, path]),
    ),
  };
}
