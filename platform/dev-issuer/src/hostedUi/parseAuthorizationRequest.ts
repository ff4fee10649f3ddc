import { firstRepeated, present } from '../http/formParams.js';
import { isS256Challenge } from './pkce.js';
import type { UrlAllowList } from './UrlAllowList.js';

/** A validated request to the authorize endpoint: authorization code grant with PKCE (S256). */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: readonly string[];
  /** Opaque to the issuer; returned to the app with the code. */
  readonly state?: string;
  /** Echoed into the ID token. */
  readonly nonce?: string;
  readonly codeChallenge: string;
}

/** A request, or the parameter that is wrong and what is wrong with it. */
export type ParsedAuthorizationRequest =
  | { readonly ok: true; readonly request: AuthorizationRequest }
  | { readonly ok: false; readonly parameter: string; readonly message: string };

/** What a request is checked against. */
export interface AuthorizationRules {
  readonly clientIds: readonly string[];
  readonly callbackUrls: UrlAllowList;
}

/** The scopes the local hosted UI grants; Cognito's `phone` and `aws.cognito.signin.user.admin` are not offered. */
export const SUPPORTED_SCOPES = ['openid', 'email', 'profile'] as const;

// Cognito grants every scope the app client allows when none is asked for. The order matches the
// `scope` claim issueAccessToken writes by default, so both kinds of access token read the same.
const DEFAULT_SCOPE = ['openid', 'profile', 'email'] as const;

const PARAMETERS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'code_challenge_method',
  'code_challenge',
  'scope',
  'state',
  'nonce',
] as const;

/** Checks every parameter of an authorize request, client and redirect URI first. */
export function parseAuthorizationRequest(
  params: URLSearchParams,
  rules: AuthorizationRules,
): ParsedAuthorizationRequest {
  const repeated = firstRepeated(params, PARAMETERS);
  if (repeated !== undefined) return refuse(repeated, `${repeated} is given more than once`);

  const clientId = present(params, 'client_id');
  if (clientId === undefined) return refuse('client_id', 'client_id is missing');
  if (!rules.clientIds.includes(clientId)) {
    return refuse(
      'client_id',
      `client_id "${clientId}" is not an app client of this issuer; it knows ${rules.clientIds.join(', ')} (the clientIds option of DevIssuer.start)`,
    );
  }

  const redirectUri = present(params, 'redirect_uri');
  if (redirectUri === undefined) return refuse('redirect_uri', 'redirect_uri is missing');
  const refusal = rules.callbackUrls.refusal(redirectUri);
  if (refusal !== undefined) return refuse('redirect_uri', `redirect_uri ${refusal}`);

  const responseType = present(params, 'response_type');
  if (responseType !== 'code') {
    return refuse(
      'response_type',
      responseType === undefined
        ? 'response_type is missing; send "code"'
        : `response_type "${responseType}" is not supported; send "code" (the authorization code grant with PKCE; the implicit grant is not offered)`,
    );
  }

  const method = present(params, 'code_challenge_method');
  if (method !== 'S256') {
    return refuse(
      'code_challenge_method',
      method === undefined
        ? 'code_challenge_method is missing; send "S256" (PKCE is required)'
        : `code_challenge_method "${method}" is not supported; send "S256"`,
    );
  }
  const codeChallenge = present(params, 'code_challenge');
  if (codeChallenge === undefined || !isS256Challenge(codeChallenge)) {
    return refuse(
      'code_challenge',
      `code_challenge ${codeChallenge === undefined ? 'is missing' : `"${codeChallenge}" is malformed`}; send BASE64URL(SHA256(code_verifier)) without padding: 43 characters of A-Z, a-z, 0-9, "-" and "_"`,
    );
  }

  const asked = present(params, 'scope')
    ?.split(' ')
    .filter((scope) => scope !== '');
  const scope =
    asked === undefined || asked.length === 0 ? [...DEFAULT_SCOPE] : [...new Set(asked)];
  const unsupported = scope.find((name) => !(SUPPORTED_SCOPES as readonly string[]).includes(name));
  if (unsupported !== undefined) {
    return refuse(
      'scope',
      `scope "${unsupported}" is not supported; ask for any of ${SUPPORTED_SCOPES.join(', ')}`,
    );
  }

  const state = present(params, 'state');
  const nonce = present(params, 'nonce');
  return {
    ok: true,
    request: {
      clientId,
      redirectUri,
      scope,
      codeChallenge,
      ...(state === undefined ? {} : { state }),
      ...(nonce === undefined ? {} : { nonce }),
    },
  };
}

/** The form fields that carry a validated request through the login page, back to the issuer. */
export function authorizationRequestFields(
  request: AuthorizationRequest,
): readonly (readonly [string, string])[] {
  const fields: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['scope', request.scope.join(' ')],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', 'S256'],
  ];
  if (request.state !== undefined) fields.push(['state', request.state]);
  if (request.nonce !== undefined) fields.push(['nonce', request.nonce]);
  return fields;
}

function refuse(parameter: string, message: string): ParsedAuthorizationRequest {
  return { ok: false, parameter, message };
}
