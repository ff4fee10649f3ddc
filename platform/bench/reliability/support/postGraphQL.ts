/** A GraphQL answer as a client saw it, with how long it took. */
export interface Answer {
  readonly status: number;
  readonly body: AnswerBody;
  readonly elapsedMs: number;
}

/** The parsed body: GraphQL's `data`/`errors`, or the API edge's `message`. */
export interface AnswerBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: Record<string, unknown>;
  }[];
  readonly message?: string;
}

/**
 * POSTs a body (an operation object, or any raw string such as a batch) to a GraphQL endpoint
 * as a browser would, with an optional bearer token, and never waits longer than `timeoutMs`.
 */
export async function postGraphQL(
  url: string,
  request: { query: string; variables?: Record<string, unknown> } | string,
  options: { token?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: typeof request === 'string' ? request : JSON.stringify(request),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let body: AnswerBody;
  try {
    body = (text ? JSON.parse(text) : {}) as AnswerBody;
  } catch {
    body = { message: `not JSON: ${text.slice(0, 200)}` };
  }
  return { status: response.status, body, elapsedMs: performance.now() - started };
}
