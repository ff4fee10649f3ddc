export * from './dynamodb/index.js';
export {
  startLocalApi,
  type LocalApi,
  type LocalApiOptions,
  type LocalTopology,
} from './api/startLocalApi.js';
export { loadSubgraphs, subgraphServiceNames } from './api/loadSubgraphs.js';
export { startApiEdge, type ApiEdge, type ApiEdgeTargets } from './api/startApiEdge.js';
export { seedDemoData } from './seed/seedDemoData.js';
export { DEMO_USERS, DEMO_PRODUCTS, DEMO_REVIEWS } from './seed/demoData.js';
export { LOCAL_PORTS, resolvePort, type LocalPortName } from './config/localPorts.js';
export {
  startLocalStage,
  LOCAL_TABLE_NAME,
  LOCAL_EVENT_BUS_NAME,
  LOCAL_CLIENT_ID,
  type LocalStage,
  type LocalStageOptions,
  type DevManifest,
  type LocalResources,
} from './dev/startLocalStage.js';
export {
  resolveIntrinsics,
  resolveString,
  UnresolvableIntrinsicError,
  type IntrinsicContext,
  type TemplateValue,
} from './cloudformation/resolveIntrinsics.js';
export { synthLocalStage, type SynthesizedStage } from './cloudformation/synthLocalStage.js';
export { JavaMissingError, requireJava } from './config/requireJava.js';
export type { FunctionInvocation } from './cloudformation/invocationContext.js';
export * from './eventbridge/index.js';
export {
  startTableStreamPipe,
  type PipeTarget,
  type TableStreamPipe,
  type TableStreamPipeOptions,
} from './pipes/startTableStreamPipe.js';
export { loadPublisher } from './pipes/loadPublisher.js';
export {
  startQueuePoller,
  type QueueHandler,
  type QueueInvocation,
  type QueuePoller,
  type QueuePollerOptions,
} from './sqs/startQueuePoller.js';
export { toLambdaSqsRecord, type QueueSource } from './sqs/toLambdaSqsRecord.js';
export { checkPortsFree, PortsInUseError } from './config/checkPortsFree.js';
export * from './web/index.js';
