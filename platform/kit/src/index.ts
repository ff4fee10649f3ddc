// The public surface of @stack/kit: everything a service may import from platform code.
export {
  readEnvironment,
  EnvironmentError,
  type VariableSpec,
  type EnvironmentSpec,
  type EnvironmentRule,
  type Environment,
} from './config/readEnvironment.js';
export { text, integer, oneOf, url, secret, parameterName } from './config/parsers.js';
export { exactlyOneOf } from './config/exactlyOneOf.js';
export { SUBGRAPH_ENVIRONMENT, SUBGRAPH_ENVIRONMENT_RULES } from './config/subgraphEnvironment.js';
export {
  ROUTER_SECRET_ENVIRONMENT,
  ROUTER_SECRET_RULE,
  type RouterSecretEnvironment,
} from './config/routerSecretEnvironment.js';
export { routerSecret, type RouterSecret } from './config/routerSecret.js';
export {
  badUserInput,
  unauthenticated,
  forbidden,
  notFound,
  serviceUnavailable,
  type ErrorCode,
} from './errors/graphqlErrors.js';
export { isTransientAwsError } from './errors/isTransientAwsError.js';
export {
  ANONYMOUS,
  ADMIN_GROUP,
  isAdmin,
  requireUserId,
  requireAdmin,
  type Identity,
} from './identity/Identity.js';
export {
  IDENTITY_HEADER,
  SIGNATURE_HEADER,
  signIdentity,
  verifyIdentity,
  type SignedIdentity,
} from './identity/routerSignature.js';
export { TABLE_SCHEMA } from './dynamo/tableSchema.js';
export { ensureTable } from './dynamo/ensureTable.js';
export { entityKey, collectionKey, timeOrderedKey, type ItemKey } from './dynamo/keys.js';
export { documentClient } from './dynamo/documentClient.js';
export { batchGetItems, BATCH_GET_LIMIT, type Item } from './dynamo/batchGetItems.js';
export { entityLoader } from './dynamo/entityLoader.js';
export { transactWrite, TransactionCancelledError } from './dynamo/transactWrite.js';
export { encodeCursor, decodeCursor, pageSize } from './dynamo/cursor.js';
export { queryPage, toConnection, type Page, type PageQuery } from './dynamo/queryPage.js';
export {
  createSubgraph,
  type BaseContext,
  type Resolvers,
  type Subgraph,
  type SubgraphOptions,
  type ExecutionOutcome,
} from './graphql/createSubgraph.js';
export {
  createLambdaHandler,
  type SubgraphLambdaEvent,
  type SubgraphLambdaResult,
} from './graphql/createLambdaHandler.js';
export { createSubgraphHandler, type SubgraphConfig } from './graphql/createSubgraphHandler.js';
export {
  handleHttpRequest,
  MAX_SUBGRAPH_BODY_BYTES,
  type HttpRequest,
  type HttpResponse,
} from './graphql/handleHttpRequest.js';
export { listenHttp, readBody, flattenHeaders, type HttpListener } from './graphql/listenHttp.js';
export {
  isDirectInvokeEvent,
  type DirectInvokeEvent,
  type SubgraphRequest,
  type SubgraphResponse,
} from './graphql/SubgraphRequest.js';
export { serviceLogger } from './observability/logger.js';
export { serviceMetrics, MetricUnit } from './observability/metrics.js';
export { enableTracing } from './observability/tracer.js';
export {
  TABLE_CHANGES,
  MAX_DETAIL_BYTES,
  eventSourceOf,
  tableChangeDetailType,
  toTableChangeEvent,
  type TableChange,
  type TableChangeDetail,
  type TableChangeEvent,
} from './events/tableChangeEvent.js';
export {
  publishTableChanges,
  PublishError,
  type PublishOutcome,
  type PublishTarget,
} from './events/publishTableChanges.js';
export {
  createQueueWorker,
  type QueueRecordContext,
  type QueueRecordHandler,
  type QueueWorkerHandler,
  type QueueWorkerOptions,
} from './worker/createQueueWorker.js';
export {
  parseQueueMessage,
  InvalidMessageError,
  type QueueMessage,
  type QueueEvent,
  type QueueDirectMessage,
} from './worker/QueueMessage.js';
export { WORKER_ENVIRONMENT } from './worker/workerEnvironment.js';
export {
  SERVICE_ITEM_ACTIONS,
  SERVICE_READ_ACTIONS,
  leadingKeysCondition,
} from './dynamo/serviceTableAccess.js';
export { subgraphFactoryName } from './graphql/subgraphFactoryName.js';
export { queueUrlVariable } from './worker/queueUrlVariable.js';
export {
  makeRecordIdempotent,
  IDEMPOTENCY_EXPIRY_SECONDS,
  type RecordIdempotencyOptions,
} from './idempotency/makeRecordIdempotent.js';
export { idempotencyPartitionKey } from './idempotency/idempotencyKeys.js';
export { isPrivateItemKey } from './events/tableChangeEvent.js';
export { EventContractError } from './events/contracts/EventContractError.js';
export {
  tableChangeContract,
  type TableChangeContract,
  type TableChangeContractSpec,
  type TypedTableChangeDetail,
  type ImagesOf,
} from './events/contracts/tableChangeContract.js';
export {
  REVIEW_CREATED,
  REVIEW_DELETED,
  REVIEW_RATING,
  type ReviewImage,
  type ReviewCreatedDetail,
  type ReviewDeletedDetail,
} from './events/contracts/reviewEvents.js';
export {
  PRODUCT_CREATED,
  type ProductImage,
  type ProductCreatedDetail,
} from './events/contracts/productEvents.js';
export {
  USER_CREATED,
  USER_UPDATED,
  type UserImage,
  type UserCreatedDetail,
  type UserUpdatedDetail,
} from './events/contracts/userEvents.js';
export {
  REVIEW_POSTED,
  REVIEW_EXCERPT_LENGTH,
  reviewExcerpt,
  reviewPostedMessage,
  isReviewPosted,
  parseReviewPosted,
  type ReviewPosted,
} from './events/contracts/reviewPosted.js';
export { TABLE_CHANGE_CONTRACTS, eventVersionOf } from './events/contracts/eventVersions.js';
