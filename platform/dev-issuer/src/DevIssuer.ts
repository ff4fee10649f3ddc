import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDevUsers, type DevUser } from './DevUser.js';
import { AuthorizationCodes } from './hostedUi/AuthorizationCodes.js';
import { completeSignIn, showLoginPage } from './hostedUi/authorizeEndpoint.js';
import type {
  AccessTokenCheck,
  HostedUiContext,
  IssuedTokens,
} from './hostedUi/HostedUiContext.js';
import { signOut } from './hostedUi/logoutEndpoint.js';
import { SUPPORTED_SCOPES } from './hostedUi/parseAuthorizationRequest.js';
import { RefreshTokens } from './hostedUi/RefreshTokens.js';
import type { SignIn } from './hostedUi/SignIn.js';
import { exchangeToken } from './hostedUi/tokenEndpoint.js';
import { UrlAllowList } from './hostedUi/UrlAllowList.js';
import { answerUserInfo } from './hostedUi/userInfoEndpoint.js';
import { localCorsHeaders, preflightHeaders } from './http/cors.js';
import { sendJson } from './http/responses.js';
import { jwkThumbprint } from './jwkThumbprint.js';
import { loadSigningKey, type SigningKey } from './loadSigningKey.js';
import { publicJwk, type RsaPublicJwk } from './publicJwk.js';
import { signJwt, type JwtSection } from './signJwt.js';
import { verifyJwt } from './verifyJwt.js';

/** How to start a {@link DevIssuer}. */
export interface DevIssuerOptions {
  /** TCP port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; defaults to 127.0.0.1 so nothing outside the machine can reach it. */
  readonly host?: string;
  /** App client ids tokens may be issued for; the first is the default. */
  readonly clientIds?: readonly string[];
  /** `kid` of the signing key; defaults to `local-dev-key`, or to the key's RFC 7638 thumbprint with `persistKeyTo`. */
  readonly keyId?: string;
  /** Demo users the hosted UI stand-in offers at /oauth2/authorize; none by default. */
  readonly users?: readonly DevUser[];
  /** Allowed callback URLs, matched exactly as Cognito does; by default any http(s) URL on localhost, 127.0.0.1 or [::1]. */
  readonly redirectUris?: readonly string[];
  /** Allowed sign-out URLs for /logout; defaults to `redirectUris`, or to any URL on this machine. */
  readonly logoutUris?: readonly string[];
  /** File keeping the RSA private key (PKCS#8 PEM, mode 0600): created on first start, reused after, so tokens outlive restarts. */
  readonly persistKeyTo?: string;
  /** The clock, in milliseconds since the epoch; defaults to Date.now. Tests move it to expire codes. */
  readonly now?: () => number;
}

/** The user an access token is issued to, and how long it lives. */
export interface AccessTokenRequest {
  /** Stable user id (the Cognito `sub`). */
  readonly sub: string;
  /** Defaults to `sub`, as in user pools that sign in by email alias. */
  readonly username?: string;
  /** Becomes `cognito:groups`; the claim is left out when not given, as Cognito does. */
  readonly groups?: readonly string[];
  /** Defaults to the first of the issuer's client ids. */
  readonly clientId?: string;
  /** Lifetime; defaults to 3600, Cognito's default access token validity. */
  readonly expiresInSeconds?: number;
  /** `iat` and `auth_time` in seconds since the epoch; defaults to now. Set it in the past to mint expired tokens. */
  readonly issuedAt?: number;
  /** The `auth_time` claim when it differs from `issuedAt`, as for refreshed tokens. */
  readonly authTime?: number;
  /** The `scope` claim, space-separated; defaults to `openid profile email`. */
  readonly scope?: string;
}

/** The user an ID token describes, and the app client it is issued to. */
export interface IdTokenRequest extends AccessTokenRequest {
  /** The `name` attribute; left out when not given. */
  readonly name?: string;
  /** The `email` attribute, reported verified; left out when not given. */
  readonly email?: string;
  /** Echoes the `nonce` of the authorization request. */
  readonly nonce?: string;
  /** The access token issued alongside; its hash becomes `at_hash`, as in Cognito's ID tokens. */
  readonly accessToken?: string;
}

const JWKS_PATH = '/.well-known/jwks.json';
const OPENID_CONFIGURATION_PATH = '/.well-known/openid-configuration';
const AUTHORIZE_PATH = '/oauth2/authorize';
const TOKEN_PATH = '/oauth2/token';
const USER_INFO_PATH = '/oauth2/userInfo';
const LOGOUT_PATH = '/logout';
// Cognito's managed login page takes the authorize parameters too; apps sometimes link to it.
const LOGIN_PATH = '/login';
const DEFAULT_CLIENT_ID = 'local-dev-client';
const DEFAULT_KEY_ID = 'local-dev-key';
const DEFAULT_TOKEN_SECONDS = 3600;
const DEFAULT_SCOPE = 'openid profile email';

/** One path the issuer serves. */
interface Route {
  readonly methods: readonly string[];
  /** Whether browser apps on this machine may read the answers (and preflight with OPTIONS). */
  readonly cors: boolean;
  readonly handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
}

/** What {@link DevIssuer.start} hands its private constructor. */
interface Parts {
  readonly server: Server;
  readonly issuer: string;
  readonly keys: SigningKey;
  readonly clientIds: readonly string[];
  readonly keyId: string;
  readonly users: readonly DevUser[];
  readonly callbackUrls: UrlAllowList;
  readonly signOutUrls: UrlAllowList;
  readonly now: () => number;
}

/**
 * A stand-in for an Amazon Cognito user pool on 127.0.0.1: it publishes a JWKS and an OpenID
 * discovery document, signs tokens with the claim shapes Cognito uses, and plays the hosted UI
 * (authorization code grant with PKCE, token, userInfo and logout endpoints), so apps and
 * verifiers can be exercised for real without AWS.
 */
export class DevIssuer {
  /** Exactly the `iss` claim of every token, e.g. `http://127.0.0.1:53211`. */
  readonly issuer: string;
  /** Where the public signing key is published. */
  readonly jwksUri: string;
  /** App client ids tokens are issued for. */
  readonly clientIds: readonly string[];
  /** `kid` of the signing key. */
  readonly keyId: string;
  /** The demo users the login page offers. */
  readonly users: readonly DevUser[];

  readonly #server: Server;
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #jwks: { readonly keys: readonly RsaPublicJwk[] };
  readonly #now: () => number;
  readonly #routes: ReadonlyMap<string, Route>;
  #jwksRequests = 0;
  #closed = false;

  private constructor(parts: Parts) {
    this.#server = parts.server;
    this.issuer = parts.issuer;
    this.jwksUri = `${parts.issuer}${JWKS_PATH}`;
    this.clientIds = parts.clientIds;
    this.keyId = parts.keyId;
    this.users = parts.users;
    this.#privateKey = parts.keys.privateKey;
    this.#publicKey = parts.keys.publicKey;
    this.#jwks = { keys: [publicJwk(parts.keys.publicKey, parts.keyId)] };
    this.#now = parts.now;
    this.#routes = this.#buildRoutes(parts);
  }

  /** Loads or generates the RSA-2048 signing key and starts serving the issuer's endpoints. */
  static async start(options: DevIssuerOptions = {}): Promise<DevIssuer> {
    const clientIds = [...(options.clientIds ?? [DEFAULT_CLIENT_ID])];
    if (clientIds.length === 0) throw new Error('DevIssuer needs at least one client id');
    const users = [...(options.users ?? [])];
    checkDevUsers(users);
    const callbackUrls = new UrlAllowList(options.redirectUris, 'redirectUris');
    const signOutUrls = new UrlAllowList(
      options.logoutUris ?? options.redirectUris,
      options.logoutUris === undefined && options.redirectUris !== undefined
        ? 'redirectUris'
        : 'logoutUris',
    );
    const keys = await loadSigningKey(options.persistKeyTo);
    const keyId =
      options.keyId ??
      (options.persistKeyTo === undefined
        ? DEFAULT_KEY_ID
        : jwkThumbprint(publicJwk(keys.publicKey, '')));

    const server = createServer();
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const devIssuer = new DevIssuer({
      server,
      issuer,
      keys,
      clientIds,
      keyId,
      users,
      callbackUrls,
      signOutUrls,
      now: options.now ?? Date.now,
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      devIssuer.#respond(request, response),
    );
    return devIssuer;
  }

  /** How many times the JWKS was served, so tests can see whether a verifier cached it. */
  get jwksRequestCount(): number {
    return this.#jwksRequests;
  }

  /** The OpenID discovery document, listing the hosted UI endpoints at Cognito's paths. */
  get openIdConfiguration(): Readonly<Record<string, unknown>> {
    return {
      issuer: this.issuer,
      jwks_uri: this.jwksUri,
      authorization_endpoint: `${this.issuer}${AUTHORIZE_PATH}`,
      token_endpoint: `${this.issuer}${TOKEN_PATH}`,
      userinfo_endpoint: `${this.issuer}${USER_INFO_PATH}`,
      // Cognito's discovery document has no end_session_endpoint; its /logout plays that part.
      end_session_endpoint: `${this.issuer}${LOGOUT_PATH}`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: [...SUPPORTED_SCOPES],
      token_endpoint_auth_methods_supported: ['none'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'nonce',
        'name',
        'email',
        'email_verified',
        'cognito:username',
        'cognito:groups',
      ],
    };
  }

  /** Signs an access token with Cognito's access-token claims and header. */
  issueAccessToken(request: AccessTokenRequest): string {
    const issuedAt = request.issuedAt ?? this.#nowSeconds();
    const payload: Record<string, unknown> = { sub: request.sub };
    // Cognito only emits the claim for users in at least one group.
    if (request.groups !== undefined) payload['cognito:groups'] = [...request.groups];
    Object.assign(payload, {
      iss: this.issuer,
      client_id: request.clientId ?? this.clientIds[0],
      token_use: 'access',
      scope: request.scope ?? DEFAULT_SCOPE,
      auth_time: request.authTime ?? issuedAt,
      exp: issuedAt + (request.expiresInSeconds ?? DEFAULT_TOKEN_SECONDS),
      iat: issuedAt,
      jti: randomUUID(),
      username: request.username ?? request.sub,
    });
    return this.signRaw({ alg: 'RS256', kid: this.keyId, typ: 'JWT' }, payload);
  }

  /** Signs an ID token with Cognito's ID-token claims: `aud` is the client id, `token_use` is `id`. */
  issueIdToken(request: IdTokenRequest): string {
    const issuedAt = request.issuedAt ?? this.#nowSeconds();
    const payload: Record<string, unknown> = {};
    if (request.accessToken !== undefined) payload.at_hash = accessTokenHash(request.accessToken);
    payload.sub = request.sub;
    if (request.groups !== undefined) payload['cognito:groups'] = [...request.groups];
    if (request.email !== undefined) payload.email_verified = true;
    Object.assign(payload, {
      iss: this.issuer,
      'cognito:username': request.username ?? request.sub,
      ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
      aud: request.clientId ?? this.clientIds[0],
      token_use: 'id',
      auth_time: request.authTime ?? issuedAt,
      ...(request.name === undefined ? {} : { name: request.name }),
      exp: issuedAt + (request.expiresInSeconds ?? DEFAULT_TOKEN_SECONDS),
      iat: issuedAt,
      jti: randomUUID(),
      ...(request.email === undefined ? {} : { email: request.email }),
    });
    return this.signRaw({ alg: 'RS256', kid: this.keyId, typ: 'JWT' }, payload);
  }

  /** Signs any header and payload with the issuer's key, for tests that need forged or odd tokens. */
  signRaw(header: JwtSection, payload: JwtSection): string {
    return signJwt(header, payload, this.#privateKey);
  }

  /** Stops the server, dropping kept-alive connections so the process can exit. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await new Promise<void>((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()));
      this.#server.closeAllConnections();
    });
  }

  #nowSeconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  #issueTokens(signIn: SignIn, withNonce: boolean): IssuedTokens {
    const { user, clientId } = signIn;
    const issuedAt = this.#nowSeconds();
    const common = {
      sub: user.id,
      username: user.username,
      ...(user.groups.length > 0 ? { groups: user.groups } : {}),
      clientId,
      issuedAt,
      authTime: signIn.authTime,
      expiresInSeconds: DEFAULT_TOKEN_SECONDS,
    };
    const accessToken = this.issueAccessToken({ ...common, scope: signIn.scope.join(' ') });
    // As in Cognito, only a sign-in that asked for openid gets an ID token.
    if (!signIn.scope.includes('openid')) return { accessToken, expiresIn: DEFAULT_TOKEN_SECONDS };
    const idToken = this.issueIdToken({
      ...common,
      name: user.name,
      email: user.email,
      accessToken,
      ...(withNonce && signIn.nonce !== undefined ? { nonce: signIn.nonce } : {}),
    });
    return { accessToken, idToken, expiresIn: DEFAULT_TOKEN_SECONDS };
  }

  #checkAccessToken(token: string): AccessTokenCheck {
    const verified = verifyJwt(token, this.#publicKey, this.keyId);
    if (!verified.ok) return verified;
    const claims = verified.payload;
    if (claims.iss !== this.issuer) return { ok: false, reason: 'iss is not this issuer' };
    if (claims.token_use !== 'access') return { ok: false, reason: 'not an access token' };
    if (typeof claims.exp !== 'number' || claims.exp <= this.#nowSeconds()) {
      return { ok: false, reason: 'the access token has expired' };
    }
    if (typeof claims.client_id !== 'string' || !this.clientIds.includes(claims.client_id)) {
      return { ok: false, reason: 'client_id is not an app client of this issuer' };
    }
    return { ok: true, claims };
  }

  #buildRoutes(parts: Parts): ReadonlyMap<string, Route> {
    const context: HostedUiContext = {
      issuer: parts.issuer,
      clientIds: parts.clientIds,
      users: parts.users,
      callbackUrls: parts.callbackUrls,
      signOutUrls: parts.signOutUrls,
      codes: new AuthorizationCodes(parts.now),
      refreshTokens: new RefreshTokens(parts.now),
      now: parts.now,
      issueTokens: (signIn, withNonce) => this.#issueTokens(signIn, withNonce),
      checkAccessToken: (token) => this.#checkAccessToken(token),
    };
    const document =
      (body: () => unknown, counted = false) =>
      (request: IncomingMessage, response: ServerResponse): void => {
        if (counted) this.#jwksRequests += 1;
        sendJson(response, 200, body(), {
          headOnly: request.method === 'HEAD',
          headers: localCorsHeaders(request),
        });
      };
    return new Map<string, Route>([
      [
        JWKS_PATH,
        { methods: ['GET', 'HEAD'], cors: true, handle: document(() => this.#jwks, true) },
      ],
      [
        OPENID_CONFIGURATION_PATH,
        { methods: ['GET', 'HEAD'], cors: true, handle: document(() => this.openIdConfiguration) },
      ],
      [
        AUTHORIZE_PATH,
        {
          methods: ['GET', 'POST'],
          cors: false,
          handle: (request, response) =>
            request.method === 'POST'
              ? completeSignIn(context, request, response)
              : showLoginPage(context, request, response),
        },
      ],
      [
        LOGIN_PATH,
        {
          methods: ['GET'],
          cors: false,
          handle: (request, response) => showLoginPage(context, request, response),
        },
      ],
      [
        TOKEN_PATH,
        {
          methods: ['POST'],
          cors: true,
          handle: (request, response) => exchangeToken(context, request, response),
        },
      ],
      [
        USER_INFO_PATH,
        {
          methods: ['GET', 'POST'],
          cors: true,
          handle: (request, response) => answerUserInfo(context, request, response),
        },
      ],
      [
        LOGOUT_PATH,
        {
          methods: ['GET'],
          cors: false,
          handle: (request, response) => signOut(context, request, response),
        },
      ],
    ]);
  }

  #respond(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', this.issuer).pathname;
    const route = this.#routes.get(path);
    if (route === undefined) {
      sendJson(response, 404, { message: `Not found: ${path}` });
      return;
    }
    if (request.method === 'OPTIONS' && route.cors) {
      response.writeHead(204, preflightHeaders(request, route.methods));
      response.end();
      return;
    }
    if (!route.methods.includes(request.method ?? '')) {
      response.setHeader('allow', route.methods.join(', '));
      sendJson(response, 405, { message: `Method not allowed: ${String(request.method)}` });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((error: unknown) => {
        // A bug here must not take the local cloud down; report it to the caller instead.
        if (response.headersSent) response.destroy();
        else sendJson(response, 500, { message: `DevIssuer failed: ${String(error)}` });
      });
  }
}

/** Cognito's `at_hash`: the left half of the access token's SHA-256, base64url (OIDC Core §3.1.3.6). */
function accessTokenHash(accessToken: string): string {
  return createHash('sha256')
    .update(accessToken, 'ascii')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}
