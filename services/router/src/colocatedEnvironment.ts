import { readEnvironment, text } from '@stack/kit';
import { ROUTER_ENVIRONMENT } from './environment.js';

/**
 * The colocated router Lambda's environment: the router's own settings plus the table the
 * subgraphs inside it use. No signing secret and no subgraph list: nothing crosses a process
 * boundary, and the subgraphs are the ones bundled into the function.
 */
export const COLOCATED_ROUTER_ENVIRONMENT = {
  TABLE_NAME: { doc: "the environment's single DynamoDB table", parse: text() },
  PRODUCTION: ROUTER_ENVIRONMENT.PRODUCTION,
  TRUSTED_DOCUMENTS_ONLY: ROUTER_ENVIRONMENT.TRUSTED_DOCUMENTS_ONLY,
  SUBGRAPH_TIMEOUT_MS: ROUTER_ENVIRONMENT.SUBGRAPH_TIMEOUT_MS,
  MAX_BODY_BYTES: ROUTER_ENVIRONMENT.MAX_BODY_BYTES,
};

/** Reads and validates the colocated router's environment once at cold start. */
export function readColocatedRouterEnvironment(env: NodeJS.ProcessEnv = process.env) {
  return readEnvironment(COLOCATED_ROUTER_ENVIRONMENT, env);
}

export type ColocatedRouterEnvironment = ReturnType<typeof readColocatedRouterEnvironment>;
