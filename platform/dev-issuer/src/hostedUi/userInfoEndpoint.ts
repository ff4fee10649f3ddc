import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { localCorsHeaders } from '../http/cors.js';
import { NO_STORE, sendJson } from '../http/responses.js';
import type { HostedUiContext } from './HostedUiContext.js';

/**
 * GET (or POST) /oauth2/userInfo with `Authorization: Bearer <access token>`: the signed-in user's
 * attributes. Refusals follow RFC 6750 §3: 401 `invalid_token`, 403 `insufficient_scope`.
 */
export function answerUserInfo(
  context: HostedUiContext,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const headers: OutgoingHttpHeaders = { ...NO_STORE, ...localCorsHeaders(request) };
  const refuse = (status: 401 | 403, error: string, description: string): void => {
    sendJson(
      response,
      status,
      { error, error_description: description },
      {
        headers: {
          ...headers,
          'www-authenticate': `Bearer error="${error}", error_description="${description.replace(/["\\]/g, "'")}"`,
        },
      },
    );
  };

  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (match?.[1] === undefined) {
    refuse(401, 'invalid_token', 'send the access token as Authorization: Bearer <token>');
    return;
  }
  const check = context.checkAccessToken(match[1]);
  if (!check.ok) {
    refuse(401, 'invalid_token', check.reason);
    return;
  }
  const scope = typeof check.claims.scope === 'string' ? check.claims.scope.split(' ') : [];
  if (!scope.includes('openid')) {
    refuse(403, 'insufficient_scope', 'the access token was not granted the openid scope');
    return;
  }
  const user = context.users.find((candidate) => candidate.id === check.claims.sub);
  if (user === undefined) {
    refuse(401, 'invalid_token', `no demo user has the sub ${String(check.claims.sub)}`);
    return;
  }
  sendJson(
    response,
    200,
    {
      sub: user.id,
      email_verified: 'true',
      name: user.name,
      email: user.email,
      username: user.username,
    },
    { headers },
  );
}
