import { createAuthorizer } from './createAuthorizer.js';
import { readEnvironment } from './environment.js';

/**
 * The Lambda entry point. Built at module load, i.e. once per cold start, so a missing or invalid
 * variable fails the init phase loudly instead of every request, and the caches live as long as
 * the execution environment.
 */
export const handler = createAuthorizer(readEnvironment(process.env));
