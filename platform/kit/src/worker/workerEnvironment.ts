import { text } from '../config/parsers.js';

/**
 * The environment every event-worker Lambda gets from its service template: read it once at
 * cold start with `readEnvironment(WORKER_ENVIRONMENT)`.
 */
export const WORKER_ENVIRONMENT = {
  TABLE_NAME: { doc: "the environment's single DynamoDB table", parse: text() },
  EVENT_BUS_NAME: {
    doc: "the environment's event bus, for events with source stack.<service>",
    parse: text(),
  },
};
