/** The path the stage's API serves GraphQL on, locally and behind CloudFront. */
const GRAPHQL_PATH = '/graphql';

/**
 * The GraphQL endpoint the suite checks, from `SMOKE_API_URL`. The pipelines pass the
 * environment stack's `ApiUrl` output, which is the endpoint itself
 * (`https://d111.cloudfront.net/graphql`); a base URL (`https://api.example.com`) gets
 * `/graphql` appended, so either form works when running the suite by hand.
 */
export function graphqlEndpoint(value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw new Error(
      'SMOKE_API_URL is not set: give the GraphQL endpoint of the stage to check, e.g. SMOKE_API_URL=http://127.0.0.1:4000/graphql npm run smoke (the pipelines pass the ApiUrl output of the stage)',
    );
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SMOKE_API_URL is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SMOKE_API_URL must be an http(s) URL, got ${url.protocol} in ${value}`);
  }
  if (!url.pathname.endsWith(GRAPHQL_PATH)) {
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${GRAPHQL_PATH}`;
  }
  return url.toString();
}

/** The web app to load in Chromium, from `SMOKE_WEB_URL`; undefined skips the browser checks. */
export function webUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return new URL(value.trim()).toString();
  } catch {
    throw new Error(`SMOKE_WEB_URL is not a URL: ${JSON.stringify(value)}`);
  }
}

/**
 * Size of the body the oversized-request check sends: more than the router's default
 * `maxBodyBytes` (100 kB), well below the 6 MB Lambda and 10 MB API Gateway limits, so the
 * router is the one that answers 413. A stage that raises `maxBodyBytes` sets
 * `SMOKE_OVERSIZED_BYTES` above it.
 */
export function oversizedBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1024 * 1024;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1) {
    throw new Error(`SMOKE_OVERSIZED_BYTES must be a positive whole number, got ${value}`);
  }
  return bytes;
}
