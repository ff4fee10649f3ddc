// The codegen of the web apps (Node only: never imported by app code that Next bundles).
export { GQL_DIR, ROUTER_SUPERGRAPH, createGqlCodegen } from './createGqlCodegen';
export type { GeneratedFile, GqlCodegen, GqlCodegenOptions } from './createGqlCodegen';
export { NO_GQL_DRIFT, gqlDriftReport } from './gqlDriftReport';
export type { GqlDriftReport } from './gqlDriftReport';
export { writeGqlFiles } from './writeGqlFiles';
