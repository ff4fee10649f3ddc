import { readEnvironment } from '@stack/kit';
import { NOTIFICATIONS_ENVIRONMENT } from './environment.js';
import { createWorker } from './worker.js';

// Read once at cold start: a misconfigured function fails its first batch listing every problem.
const environment = readEnvironment(NOTIFICATIONS_ENVIRONMENT);

/** Lambda entry of the notifications worker, invoked by its queue's event source mapping. */
export const handler = createWorker({
  tableName: environment.TABLE_NAME,
  mailFrom: environment.MAIL_FROM,
  appUrl: environment.APP_URL,
});
