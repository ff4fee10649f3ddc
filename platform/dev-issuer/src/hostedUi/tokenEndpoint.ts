import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { localCorsHeaders } from '../http/cors.js';
import { firstRepeated, present } from '../http/formParams.js';
import { readForm } from '../http/readForm.js';
import { NO_STORE, sendJson } from '../http/responses.js';
import { CODE_LIFETIME_MS } from './AuthorizationCodes.js';
import type { HostedUiContext, IssuedTokens } from './HostedUiContext.js';
import { isCodeVerifier, verifierMatches } from './pkce.js';

/** The error codes of RFC 6749 §5.2 this endpoint answers with. */
export type TokenErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

/** A token endpoint answer: the JSON body, or an OAuth error with a description for developers. */
type Outcome =
  | { readonly ok: true; readonly body: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly error: TokenErrorCode; readonly description: string };

const PARAMETERS = [
  'grant_type',
  'client_id',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
] as const;

/**
 * POST /oauth2/token: redeems an authorization code (with its PKCE verifier) or a refresh token.
 * Errors are 400 with `{ error, error_description }`; Cognito sends only `error`, the description is
 * extra help that OAuth libraries ignore.
 */
export async function exchangeToken(
  context: HostedUiContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const outcome = await decide(context, request);
  const headers: OutgoingHttpHeaders = { ...NO_STORE, ...localCorsHeaders(request) };
  if (outcome.ok) sendJson(response, 200, outcome.body, { headers });
  else {
    const body = { error: outcome.error, error_description: outcome.description };
    sendJson(response, 400, body, { headers });
  }
}

async function decide(context: HostedUiContext, request: IncomingMessage): Promise<Outcome> {
  const form = await readForm(request);
  if (!form.ok) return fail('invalid_request', form.message);
  const params = form.params;
  const repeated = firstRepeated(params, PARAMETERS);
  if (repeated !== undefined) return fail('invalid_request', `${repeated} is given more than once`);

  const grantType = present(params, 'grant_type');
  if (grantType === undefined) {
    return fail(
      'invalid_request',
      'grant_type is missing; send authorization_code or refresh_token',
    );
  }
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return fail(
      'unsupported_grant_type',
      `grant_type "${grantType}" is not supported; send authorization_code or refresh_token`,
    );
  }

  const clientId = present(params, 'client_id') ?? basicClientId(request);
  if (clientId === undefined) return fail('invalid_request', 'client_id is missing');
  if (!context.clientIds.includes(clientId)) {
    return fail('invalid_client', `client_id "${clientId}" is not an app client of this issuer`);
  }

  return grantType === 'authorization_code'
    ? redeemCode(context, params, clientId)
    : refresh(context, params, clientId);
}

function redeemCode(context: HostedUiContext, params: URLSearchParams, clientId: string): Outcome {
  const code = present(params, 'code');
  const redirectUri = present(params, 'redirect_uri');
  const verifier = present(params, 'code_verifier');
  if (code === undefined) return fail('invalid_request', 'code is missing');
  if (redirectUri === undefined) return fail('invalid_request', 'redirect_uri is missing');
  if (verifier === undefined) {
    return fail('invalid_request', 'code_verifier is missing; PKCE is required');
  }
  if (!isCodeVerifier(verifier)) {
    return fail(
      'invalid_request',
      'code_verifier must be 43-128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~" (RFC 7636 §4.1)',
    );
  }

  const pending = context.codes.take(code);
  if (pending === undefined) {
    return fail('invalid_grant', 'code is unknown or already used; a code can be redeemed once');
  }
  if (pending.expiresAt <= context.now()) {
    return fail('invalid_grant', `code expired; codes live ${CODE_LIFETIME_MS / 60_000} minutes`);
  }
  if (pending.signIn.clientId !== clientId) {
    return fail('invalid_grant', 'code was issued to another client_id');
  }
  if (pending.redirectUri !== redirectUri) {
    return fail(
      'invalid_grant',
      'redirect_uri differs from the one sent to /oauth2/authorize; send the same URL',
    );
  }
  if (!verifierMatches(verifier, pending.codeChallenge)) {
    return fail(
      'invalid_grant',
      'code_verifier does not match code_challenge; the challenge must be BASE64URL(SHA256(code_verifier))',
    );
  }

  const tokens = context.issueTokens(pending.signIn, true);
  const refreshToken = context.refreshTokens.issue(pending.signIn);
  return { ok: true, body: tokenBody(tokens, refreshToken) };
}

function refresh(context: HostedUiContext, params: URLSearchParams, clientId: string): Outcome {
  const token = present(params, 'refresh_token');
  if (token === undefined) return fail('invalid_request', 'refresh_token is missing');
  const signIn = context.refreshTokens.find(token);
  if (signIn === undefined) {
    return fail(
      'invalid_grant',
      'refresh_token is unknown or expired; refresh tokens live in the issuer’s memory, so a restart ends them',
    );
  }
  if (signIn.clientId !== clientId) {
    return fail('invalid_grant', 'refresh_token was issued to another client_id');
  }
  // Like Cognito without refresh token rotation: new ID and access tokens, the same refresh token.
  return { ok: true, body: tokenBody(context.issueTokens(signIn, false)) };
}

function tokenBody(tokens: IssuedTokens, refreshToken?: string): Readonly<Record<string, unknown>> {
  return {
    ...(tokens.idToken === undefined ? {} : { id_token: tokens.idToken }),
    access_token: tokens.accessToken,
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    expires_in: tokens.expiresIn,
    token_type: 'Bearer',
  };
}

/**
 * The client id of an `Authorization: Basic` header (client_secret_basic), for apps configured
 * as confidential clients in Cognito; the secret is not checked, the local clients have none.
 */
function basicClientId(request: IncomingMessage): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (match?.[1] === undefined) return undefined;
  const [id = ''] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return id === '' ? undefined : id;
}

function fail(error: TokenErrorCode, description: string): Outcome {
  return { ok: false, error, description };
}
