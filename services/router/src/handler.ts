import { supergraphSdl } from './__generated__/supergraph.js';
import { createRouterFromEnvironment } from './createRouterFromEnvironment.js';
import { createRouterHandler } from './createRouterHandler.js';
import { readRouterEnvironment } from './environment.js';

/**
 * Lambda entry of the router behind the HTTP API and its authorizer. Built at cold start:
 * the environment is validated and the gateway loaded once.
 */
export const handler = createRouterHandler(
  createRouterFromEnvironment(readRouterEnvironment(), supergraphSdl),
);
