import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ANONYMOUS, flattenHeaders, readBody, type Subgraph } from '@stack/kit';
import { loadSubgraphs } from '@stack/local';
import { supergraphSdl } from '@stack/router';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildMonolithSchema } from './buildMonolithSchema.js';
import { createMonolithContext, type MonolithContext } from './createMonolithContext.js';

/** A running monolith baseline. */
export interface Monolith {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 100_000;

/**
 * Starts the monolith baseline: ONE Apollo Server 5 executing the API schema with the three
 * services' resolvers, behind a plain Node HTTP server on 127.0.0.1 (the same kind of server
 * as the local API edge, so the comparison is about federation, not the HTTP layer). Every
 * caller is anonymous, as in the bench's router runs.
 */
export async function startMonolith(options: {
  tableName: string;
  subgraphs?: ReadonlyMap<string, Subgraph>;
}): Promise<Monolith> {
  const subgraphs = options.subgraphs ?? (await loadSubgraphs(options.tableName));
  const server = new ApolloServer<MonolithContext>({
    schema: buildMonolithSchema(supergraphSdl, subgraphs),
    // The router's plugin set, so neither side pays for reporting or a landing page.
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await server.start();
  const http = createServer((req, res) => {
    void (async () => {
      try {
        const raw = await readBody(req, MAX_BODY_BYTES + 1);
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(flattenHeaders(req))) headers.set(name, value);
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const response = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: req.method ?? 'GET',
            headers,
            search: url.search,
            body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
          },
          context: () => Promise.resolve(createMonolithContext(subgraphs, ANONYMOUS)),
        });
        const outgoing: Record<string, string> = {};
        for (const [name, value] of response.headers) outgoing[name] = value;
        res.writeHead(response.status ?? 200, outgoing).end(await bodyText(response));
      } catch (error) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      await new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      });
      await server.stop();
    },
  };
}

async function bodyText(response: HTTPGraphQLResponse): Promise<string> {
  if (response.body.kind === 'complete') return response.body.string;
  let text = '';
  for await (const chunk of response.body.asyncIterator) text += chunk;
  return text;
}
