import { readEnvironment, WORKER_ENVIRONMENT } from '@stack/kit';
import { createWorker } from './worker.js';

// Read once at cold start: a misconfigured function fails its first batch listing every problem.
const environment = readEnvironment(WORKER_ENVIRONMENT);

/** Lambda entry of the analytics worker, invoked by its queue's event source mapping. */
export const handler = createWorker({ tableName: environment.TABLE_NAME });
