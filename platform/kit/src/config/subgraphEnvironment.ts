import { secret, text } from './parsers.js';

/** The environment every subgraph Lambda gets from the service template. */
export const SUBGRAPH_ENVIRONMENT = {
  TABLE_NAME: { doc: "the environment's single DynamoDB table", parse: text() },
  ROUTER_SHARED_SECRET: {
    doc: 'the secret the router signs forwarded identities with',
    parse: secret({ minLength: 32 }),
  },
};
