/** A GraphQL answer as it came over HTTP. */
export interface GraphQLAnswer {
  readonly status: number;
  /** The raw body, byte for byte, for exact comparisons. */
  readonly text: string;
  readonly body: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: readonly { readonly message: string }[];
  };
}

/** POSTs one GraphQL request as JSON and returns the status, raw body and parsed body. */
export async function postGraphQL(
  url: string,
  query: string,
  options: { timeoutMs?: number } = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  return { status: response.status, text, body: parseBody(text) };
}

function parseBody(text: string): GraphQLAnswer['body'] {
  try {
    return JSON.parse(text) as GraphQLAnswer['body'];
  } catch {
    return { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
}
