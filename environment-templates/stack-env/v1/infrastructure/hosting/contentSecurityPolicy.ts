/** The origins a web site's pages may call besides their own. */
export interface ContentSecurityPolicyOrigins {
  /** The GraphQL API's origin (`https://<edge>.cloudfront.net`). */
  readonly api: string;
  /** The user pool's issuer origin (`https://cognito-idp.<region>.amazonaws.com`): OIDC discovery and JWKS. */
  readonly authIssuer: string;
  /** The hosted sign-in origin (`https://<prefix>.auth.<region>.amazoncognito.com`): the token endpoint. */
  readonly authDomain: string;
}

/**
 * The Content-Security-Policy of a statically exported Next.js site. Scripts and styles allow
 * 'unsafe-inline' because a static export inlines its bootstrap scripts and cannot get per-request
 * nonces; everything else is locked to the site itself, plus the API and Cognito for `fetch`.
 * Values may be CDK tokens: the result is joined at deploy time.
 */
export function contentSecurityPolicy(origins: ContentSecurityPolicyOrigins): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'unsafe-inline'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", origins.api, origins.authIssuer, origins.authDomain],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}
