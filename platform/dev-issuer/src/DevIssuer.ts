import { generateKeyPair, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { publicJwk, type RsaPublicJwk } from './publicJwk.js';
import { signJwt, type JwtSection } from './signJwt.js';

/** How to start a {@link DevIssuer}. */
export interface DevIssuerOptions {
  /** TCP port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; defaults to 127.0.0.1 so nothing outside the machine can reach it. */
  readonly host?: string;
  /** App client ids tokens may be issued for; the first is the default. */
  readonly clientIds?: readonly string[];
  /** `kid` of the signing key, in the JWKS and in every token header. */
  readonly keyId?: string;
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
}

const JWKS_PATH = '/.well-known/jwks.json';
const OPENID_CONFIGURATION_PATH = '/.well-known/openid-configuration';
const DEFAULT_CLIENT_ID = 'local-dev-client';
const DEFAULT_KEY_ID = 'local-dev-key';
const DEFAULT_TOKEN_SECONDS = 3600;

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * A stand-in for an Amazon Cognito user pool on 127.0.0.1: it publishes a JWKS and an OpenID
 * discovery document, and signs access tokens with the claim shape Cognito uses, so code that
 * verifies Cognito tokens can be exercised for real without AWS.
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

  readonly #server: Server;
  readonly #privateKey: KeyObject;
  readonly #jwks: { readonly keys: readonly RsaPublicJwk[] };
  #jwksRequests = 0;
  #closed = false;

  private constructor(
    server: Server,
    issuer: string,
    keys: { privateKey: KeyObject; publicKey: KeyObject },
    clientIds: readonly string[],
    keyId: string,
  ) {
    this.#server = server;
    this.issuer = issuer;
    this.jwksUri = `${issuer}${JWKS_PATH}`;
    this.clientIds = clientIds;
    this.keyId = keyId;
    this.#privateKey = keys.privateKey;
    this.#jwks = { keys: [publicJwk(keys.publicKey, keyId)] };
  }

  /** Generates a fresh RSA-2048 key pair and starts serving the issuer's well-known documents. */
  static async start(options: DevIssuerOptions = {}): Promise<DevIssuer> {
    const clientIds = [...(options.clientIds ?? [DEFAULT_CLIENT_ID])];
    if (clientIds.length === 0) throw new Error('DevIssuer needs at least one client id');
    const keys = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
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
    const devIssuer = new DevIssuer(
      server,
      issuer,
      keys,
      clientIds,
      options.keyId ?? DEFAULT_KEY_ID,
    );
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      devIssuer.#respond(request, response),
    );
    return devIssuer;
  }

  /** How many times the JWKS was served, so tests can see whether a verifier cached it. */
  get jwksRequestCount(): number {
    return this.#jwksRequests;
  }

  /** The OpenID discovery document; the OAuth endpoints are listed for the hosted UI to come. */
  get openIdConfiguration(): Readonly<Record<string, unknown>> {
    return {
      issuer: this.issuer,
      jwks_uri: this.jwksUri,
      authorization_endpoint: `${this.issuer}/oauth2/authorize`,
      token_endpoint: `${this.issuer}/oauth2/token`,
      userinfo_endpoint: `${this.issuer}/oauth2/userInfo`,
      end_session_endpoint: `${this.issuer}/logout`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    };
  }

  /** Signs an access token with Cognito's access-token claims and header. */
  issueAccessToken(request: AccessTokenRequest): string {
    const issuedAt = request.issuedAt ?? Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = { sub: request.sub };
    // Cognito only emits the claim for users in at least one group.
    if (request.groups !== undefined) payload['cognito:groups'] = [...request.groups];
    Object.assign(payload, {
      iss: this.issuer,
      client_id: request.clientId ?? this.clientIds[0],
      token_use: 'access',
      scope: 'openid profile email',
      auth_time: issuedAt,
      exp: issuedAt + (request.expiresInSeconds ?? DEFAULT_TOKEN_SECONDS),
      iat: issuedAt,
      jti: randomUUID(),
      username: request.username ?? request.sub,
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

  #respond(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', this.issuer).pathname;
    const document =
      path === JWKS_PATH
        ? this.#jwks
        : path === OPENID_CONFIGURATION_PATH
          ? this.openIdConfiguration
          : undefined;
    if (document === undefined) {
      sendJson(response, 404, { message: `Not found: ${path}` });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      sendJson(response, 405, { message: `Method not allowed: ${String(request.method)}` });
      return;
    }
    if (document === this.#jwks) this.#jwksRequests += 1;
    sendJson(response, 200, document, request.method === 'HEAD');
  }
}

/** Writes a JSON response. */
function sendJson(response: ServerResponse, status: number, body: unknown, headOnly = false): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(headOnly ? undefined : text);
}
