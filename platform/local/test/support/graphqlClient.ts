/** Posts a GraphQL request the way a browser would and returns status and parsed body. */
export async function postGraphQL(
  url: string,
  request: { query: string; variables?: Record<string, unknown> },
  token?: string,
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as GraphQLBody };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  message?: string;
}
