export {
  startDynamoDbLocal,
  freePort,
  type DynamoDbLocal,
  type DynamoDbLocalOptions,
} from './startDynamoDbLocal.js';
export { ensureTable } from '@stack/kit';
