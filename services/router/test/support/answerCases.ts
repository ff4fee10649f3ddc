import { ANONYMOUS } from '@stack/kit';
import { createRouter, type Router } from '../../src/createRouter.js';
import { InProcessDataSource } from '../../src/dataSources/InProcessDataSource.js';
import { fakeSupergraph } from './fakeSupergraph.js';
import { caseKey, type GraphQLHttpCase } from './graphqlHttpCases.js';

/** What a client sees of one answer, with what varies between runs (stack traces) masked. */
export interface RecordedAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Sends each case to a router over the fake supergraph and records the answers. */
export async function answerCases(
  cases: ReadonlyArray<GraphQLHttpCase>,
): Promise<Record<string, RecordedAnswer>> {
  const answers: Record<string, RecordedAnswer> = {};
  // One router per configuration: loading a gateway costs far more than a request.
  const routers = new Map<string, Router>();
  try {
    for (const entry of cases) {
      const configuration = JSON.stringify([entry.production, entry.failReviews, entry.limits]);
      let router = routers.get(configuration);
      if (!router) {
        router = routerFor(entry);
        routers.set(configuration, router);
      }
      const response = await router.handle(entry.request, ANONYMOUS);
      answers[caseKey(entry)] = {
        statusCode: response.statusCode,
        headers: Object.fromEntries(
          Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]),
        ),
        body: maskStacktraces(response.body),
      };
    }
  } finally {
    await Promise.all([...routers.values()].map((router) => router.stop()));
  }
  return answers;
}

function routerFor(entry: GraphQLHttpCase): Router {
  const { subgraphs, supergraphSdl } = fakeSupergraph({ failReviews: entry.failReviews });
  return createRouter({
    supergraphSdl,
    production: entry.production,
    ...(entry.limits ? { limits: entry.limits } : {}),
    dataSource: (name) =>
      new InProcessDataSource({ subgraph: subgraphs.get(name)!, timeoutMs: 1_000 }),
  });
}

// A stack trace names files and lines of whatever code runs the pipeline; that one is present
// (outside production) is what clients may rely on, not its frames.
function maskStacktraces(body: string): string {
  return body.replace(/"stacktrace":\[(?:"(?:[^"\\]|\\.)*",?)*\]/g, '"stacktrace":["…"]');
}
