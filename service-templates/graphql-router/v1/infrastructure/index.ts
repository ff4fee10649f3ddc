// The public surface of graphql-router@1: the router instance's inputs and how they become the
// environment template's router settings. The router's resources are the environment's (its
// API edge builds them); this template is the contract of the instance that tunes them.
export type { RouterServiceInputs } from './RouterServiceInputs.js';
export { routerSettings } from './routerSettings.js';
export { TEMPLATE_ID } from './templateId.js';
