import { ANONYMOUS, type Identity } from '@stack/kit';
import type { Router } from '../../src/createRouter.js';

/** What the router answered a query: the status and the parsed GraphQL body. */
export interface RouterAnswer {
  readonly status: number;
  readonly body: {
    readonly data?: unknown;
    readonly errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs one query to the router as `identity` (anonymous by default). */
export async function askRouter(
  router: Router,
  query: string,
  identity: Identity = ANONYMOUS,
): Promise<RouterAnswer> {
  const response = await router.handle(
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    },
    identity,
  );
  return { status: response.statusCode, body: JSON.parse(response.body) as RouterAnswer['body'] };
}
