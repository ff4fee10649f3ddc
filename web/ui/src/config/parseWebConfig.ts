import type { WebConfig } from './WebConfig';

/** Checks the JSON of /config.json; throws naming the first missing or mistyped field. */
export function parseWebConfig(json: unknown): WebConfig {
  const text = (value: unknown, path: string): string => {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`/config.json: ${path} must be a non-empty string`);
    }
    return value;
  };
  if (typeof json !== 'object' || json === null) throw new Error('/config.json is not an object');
  const raw = json as Record<string, unknown>;
  const auth = (typeof raw.auth === 'object' && raw.auth !== null ? raw.auth : {}) as Record<
    string,
    unknown
  >;
  return {
    apiUrl: text(raw.apiUrl, 'apiUrl'),
    auth: {
      authority: text(auth.authority, 'auth.authority'),
      clientId: text(auth.clientId, 'auth.clientId'),
      scopes: text(auth.scopes, 'auth.scopes'),
      ...(auth.signOutUrl !== undefined && {
        signOutUrl: httpUrl(text(auth.signOutUrl, 'auth.signOutUrl'), 'auth.signOutUrl'),
      }),
    },
    stage: text(raw.stage, 'stage'),
  };
}

function httpUrl(value: string, path: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`/config.json: ${path} must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`/config.json: ${path} must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Fetches and checks /config.json of the origin the app is served from. */
export async function loadWebConfig(): Promise<WebConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`/config.json answered ${response.status}; the stage did not write it`);
  }
  return parseWebConfig(await response.json());
}
