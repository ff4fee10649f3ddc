import type { AuthorizerConfig } from './AuthorizerConfig.js';

/** Environment variables the authorizer reads, as Lambda passes them. */
export type AuthorizerEnvironment = Readonly<Record<string, string | undefined>>;

// Plain HTTP is only safe where no one can sit between the authorizer and the issuer.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parses an http(s) URL from a variable, or throws an Error that names the variable. */
function readUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a valid URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must be an http(s) URL, got protocol ${url.protocol} in ${value}`);
  }
  return url;
}

/** Reads a variable that must be present and not blank. */
function readRequired(env: AuthorizerEnvironment, name: string, expected: string): string {
  const value = env[name]?.trim();
  if (value === undefined || value === '')
    throw new Error(`${name} is not set: expected ${expected}`);
  return value;
}

/** Reads and validates the authorizer's configuration from environment variables, once per cold start. */
export function readEnvironment(env: AuthorizerEnvironment): AuthorizerConfig {
  const issuer = readRequired(
    env,
    'AUTH_ISSUER',
    'the token issuer URL, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
  );
  readUrl('AUTH_ISSUER', issuer);

  const jwksVariable = env.AUTH_JWKS_URI?.trim();
  const jwksName = jwksVariable ? 'AUTH_JWKS_URI' : 'AUTH_JWKS_URI (defaulted from AUTH_ISSUER)';
  const jwksUri = jwksVariable || `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
  const jwksUrl = readUrl(jwksName, jwksUri);
  if (jwksUrl.protocol === 'http:' && !LOOPBACK_HOSTS.has(jwksUrl.hostname)) {
    throw new Error(
      `${jwksName} must use https unless it points at this machine (localhost, 127.0.0.1, [::1]): ${jwksUri}`,
    );
  }

  const clientIds = readRequired(
    env,
    'AUTH_CLIENT_IDS',
    'a comma-separated list of the app client ids whose access tokens are accepted',
  )
    .split(',')
    .map((clientId) => clientId.trim())
    .filter((clientId) => clientId !== '');
  if (clientIds.length === 0) {
    throw new Error(`AUTH_CLIENT_IDS lists no client id: ${JSON.stringify(env.AUTH_CLIENT_IDS)}`);
  }

  return { issuer, jwksUri, clientIds };
}
