import { text } from './parsers.js';
import { ROUTER_SECRET_ENVIRONMENT, ROUTER_SECRET_RULE } from './routerSecretEnvironment.js';

/** The environment every subgraph Lambda gets from the service template. */
export const SUBGRAPH_ENVIRONMENT = {
  TABLE_NAME: { doc: "the environment's single DynamoDB table", parse: text() },
  ...ROUTER_SECRET_ENVIRONMENT,
};

/** Checks across SUBGRAPH_ENVIRONMENT's variables: exactly one router secret source. */
export const SUBGRAPH_ENVIRONMENT_RULES = [ROUTER_SECRET_RULE] as const;
