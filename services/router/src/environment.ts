import {
  integer,
  oneOf,
  readEnvironment,
  ROUTER_SECRET_ENVIRONMENT,
  ROUTER_SECRET_RULE,
  type VariableSpec,
} from '@stack/kit';

/** A JSON object mapping subgraph names to strings (function names or URLs). */
const subgraphMap = (raw: string): Record<string, string> => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('is not JSON');
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    !Object.values(value).every((entry) => typeof entry === 'string')
  ) {
    throw new Error('must be a JSON object of subgraph name to string');
  }
  return value as Record<string, string>;
};

const EMPTY_MAP: VariableSpec<Record<string, string>> = {
  doc: '',
  parse: subgraphMap,
  default: {},
};

/**
 * The router Lambda's environment, as the environment template sets it. The signing secret
 * comes as exactly one of ROUTER_SHARED_SECRET (the value) or ROUTER_SHARED_SECRET_PARAMETER
 * (the SSM SecureString holding it), like a subgraph's.
 */
export const ROUTER_ENVIRONMENT = {
  ...ROUTER_SECRET_ENVIRONMENT,
  PRODUCTION: {
    doc: 'true in production stages (no introspection, masked errors)',
    parse: oneOf(['true', 'false'] as const),
    default: 'false' as const,
  },
  TRUSTED_DOCUMENTS_ONLY: {
    doc: "true to execute only the web apps' persisted documents (stack-env input trustedDocumentsOnly)",
    parse: oneOf(['true', 'false'] as const),
    default: 'false' as const,
  },
  SUBGRAPH_TOPOLOGY: {
    doc: 'how subgraphs are reached: distributed (Lambda invoke) or http',
    parse: oneOf(['distributed', 'http'] as const),
    default: 'distributed' as const,
  },
  SUBGRAPH_FUNCTIONS: {
    ...EMPTY_MAP,
    doc: 'JSON map of subgraph name to Lambda function name (distributed)',
  },
  SUBGRAPH_URLS: { ...EMPTY_MAP, doc: 'JSON map of subgraph name to GraphQL URL (http)' },
  SUBGRAPH_TIMEOUT_MS: {
    doc: 'how long one subgraph call may take',
    parse: integer({ min: 100, max: 30_000 }),
    default: 5_000,
  },
  MAX_BODY_BYTES: {
    doc: 'largest request body accepted',
    parse: integer({ min: 1_000, max: 10_000_000 }),
    default: 100_000,
  },
};

/** Reads and validates the router's environment once at cold start, listing every problem. */
export function readRouterEnvironment(env: NodeJS.ProcessEnv = process.env) {
  return readEnvironment(ROUTER_ENVIRONMENT, env, [ROUTER_SECRET_RULE]);
}

export type RouterEnvironment = ReturnType<typeof readRouterEnvironment>;
