// The public surface of graphql-subgraph@1: the stack the pipeline instantiates per service
// instance and environment, its inputs, and the deterministic function name the router is given.
export {
  SubgraphServiceStack,
  type SubgraphEnvironment,
  type SubgraphServiceStackProps,
} from './SubgraphServiceStack.js';
export type { SubgraphServiceInputs, SubgraphSubscription } from './SubgraphServiceInputs.js';
export { subgraphFunctionName } from './subgraphFunctionName.js';
export { TEMPLATE_ID } from './templateId.js';
export { workerQueueParameters } from './workerQueueParameters.js';
export {
  pushPlatformEnvironment,
  type PushPlatformApplications,
} from './pushPlatformEnvironment.js';
