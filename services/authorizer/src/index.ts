export {
  createAuthorizer,
  type Authorizer,
  type AuthorizerOptions,
  type AuthorizerResult,
  type AuthorizerStats,
} from './createAuthorizer.js';
export { readEnvironment, type AuthorizerEnvironment } from './environment.js';
export { UnauthorizedError, type RefusalReason } from './UnauthorizedError.js';
export type { AuthorizerConfig } from './AuthorizerConfig.js';
export type { AuthorizerContext } from './AuthorizerContext.js';
export type { AuthorizerLogEntry } from './AuthorizerLogEntry.js';
