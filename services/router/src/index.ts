export {
  createRouter,
  DEFAULT_MAX_BODY_BYTES,
  type Router,
  type RouterOptions,
} from './createRouter.js';
export { createRouterFromEnvironment } from './createRouterFromEnvironment.js';
export {
  readRouterEnvironment,
  ROUTER_ENVIRONMENT,
  type RouterEnvironment,
} from './environment.js';
export { identityFromAuthorizer } from './identityFromAuthorizer.js';
export { createRouterHandler, type RouterEvent } from './createRouterHandler.js';
export { HttpDataSource } from './dataSources/HttpDataSource.js';
export { LambdaDataSource } from './dataSources/LambdaDataSource.js';
export { InProcessDataSource } from './dataSources/InProcessDataSource.js';
export { SubgraphCallError } from './dataSources/SubgraphCallError.js';
export type { RouterContext } from './RouterContext.js';
export { supergraphSdl } from './__generated__/supergraph.js';
export { trustedDocuments } from './__generated__/trustedDocuments.js';
export * from './trustedDocuments/index.js';
export * from './limits/index.js';
export { createColocatedRouter, type SubgraphFactory } from './createColocatedRouter.js';
export { createColocatedRouterHandler } from './createColocatedRouterHandler.js';
export {
  COLOCATED_ROUTER_ENVIRONMENT,
  readColocatedRouterEnvironment,
  type ColocatedRouterEnvironment,
} from './colocatedEnvironment.js';
