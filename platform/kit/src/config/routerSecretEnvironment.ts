import { exactlyOneOf } from './exactlyOneOf.js';
import { parameterName, secret } from './parsers.js';
import type { Environment, VariableSpec } from './readEnvironment.js';

const ROUTER_SHARED_SECRET: VariableSpec<string | undefined> = {
  doc: 'the secret the router signs forwarded identities with, given directly (local cloud, tests)',
  parse: secret({ minLength: 32 }),
  default: undefined,
};

const ROUTER_SHARED_SECRET_PARAMETER: VariableSpec<string | undefined> = {
  doc: 'name of the SSM SecureString parameter holding that secret (cloud stages)',
  parse: parameterName(),
  default: undefined,
};

/**
 * The two ways a function is given the router's shared secret: the value itself, or the name
 * of the SSM parameter holding it, read at the first invocation. Exactly one is set
 * (ROUTER_SECRET_RULE); both are optional on their own.
 */
export const ROUTER_SECRET_ENVIRONMENT = { ROUTER_SHARED_SECRET, ROUTER_SHARED_SECRET_PARAMETER };

/** Refuses an environment with neither or both of the router secret's variables. */
export const ROUTER_SECRET_RULE = exactlyOneOf(
  Object.keys(ROUTER_SECRET_ENVIRONMENT),
  "the router's shared secret, or the SSM parameter holding it",
);

/** The router secret's variables, as read from the environment. */
export type RouterSecretEnvironment = Environment<typeof ROUTER_SECRET_ENVIRONMENT>;
