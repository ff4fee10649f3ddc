// The public surface of event-worker@1: the stack the pipeline instantiates per service
// instance and environment, its inputs, and the deterministic names others can rely on.
export {
  EventWorkerServiceStack,
  type EventWorkerServiceStackProps,
  type WorkerEnvironment,
} from './EventWorkerServiceStack.js';
export type {
  EventWorkerServiceInputs,
  WorkerEventPattern,
  WorkerQueueInputs,
} from './EventWorkerServiceInputs.js';
export { workerFunctionName } from './workerFunctionName.js';
export { workerParameters } from './workerParameters.js';
export { queueVisibilityTimeout } from './queueVisibilityTimeout.js';
export { queueAgeThreshold } from './queueAgeThreshold.js';
export { TEMPLATE_ID } from './templateId.js';
