// Test helpers (`@stack/kit/testing`): never imported by Lambda code, so never bundled.
export { createTestTable } from './createTestTable.js';
export {
  startLocalSsmEndpoint,
  ssmEnvironment,
  setProcessEnv,
  type GetParameterCall,
  type SsmFailure,
} from './localSsmEndpoint.js';
export { countTableCalls, type TableCallCounter, type TableCalls } from './countTableCalls.js';
export { repositoryServices, type RepositoryServices } from './repositoryServices.js';
export { sqsRecord, sqsEvent, eventBridgeBody } from './sqsRecords.js';
export { recordingSnsClient } from './recordingSnsClient.js';
